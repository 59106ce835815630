using System.Globalization;
using System.Text;

namespace Kurobe.Infrastructure.Demo;

internal static class DemoCustomerGenerator
{
    private static readonly DateOnly FirstSignupDate = new(2021, 1, 1);

    // Signups span 2021..2025; most customers sign up before the order history starts in 2023, so the early years have buyers.
    private static readonly double[] SignupYearWeights = [0.30, 0.25, 0.19, 0.15, 0.11];

    public static DemoCustomer[] Generate(int count, DeterministicRandom random)
    {
        var signupDates = DrawSortedSignupDates(count, random);
        var countries = new CumulativeWeights(RetailReferenceData.Countries.Select(country => country.CustomerWeight).ToArray());
        var citiesByCountry = RetailReferenceData.Countries.Select(country => CityWeights(country.Cities.Count)).ToArray();
        var culturesByCountry = RetailReferenceData.Countries
            .Select(country => new CumulativeWeights(country.Cultures.Select(culture => culture.Share).ToArray()))
            .ToArray();
        var segments = new CumulativeWeights(RetailReferenceData.SegmentWeights);
        var emailBuilder = new StringBuilder(64);

        var customers = new DemoCustomer[count];
        for (var i = 0; i < count; i++)
        {
            var customerId = i + 1;
            var countryIndex = countries.Sample(random);
            var country = RetailReferenceData.Countries[countryIndex];
            var city = country.Cities[citiesByCountry[countryIndex].Sample(random)];
            var culture = country.Cultures[culturesByCountry[countryIndex].Sample(random)].Culture;
            var firstName = random.Pick(culture.FirstNames);
            var lastName = random.Pick(culture.LastNames);
            var segment = RetailReferenceData.Segments[segments.Sample(random)];

            customers[i] = new DemoCustomer(
                customerId,
                string.Concat(firstName, " ", lastName),
                BuildEmail(emailBuilder, firstName, lastName, customerId),
                segment,
                country.Name,
                country.Region,
                city,
                signupDates[i],
                DrawActivityWeight(random, segment));
        }

        return customers;
    }

    /// <summary>Sorted so that customer ids follow signup order, as in a real CRM.</summary>
    private static DateOnly[] DrawSortedSignupDates(int count, DeterministicRandom random)
    {
        var years = new CumulativeWeights(SignupYearWeights);
        var dayNumbers = new int[count];
        for (var i = 0; i < count; i++)
        {
            var yearStart = new DateOnly(FirstSignupDate.Year + years.Sample(random), 1, 1);
            var daysInYear = DateTime.IsLeapYear(yearStart.Year) ? 366 : 365;
            dayNumbers[i] = yearStart.DayNumber + random.NextInt(daysInYear);
        }

        Array.Sort(dayNumbers);
        var dates = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            dates[i] = DateOnly.FromDayNumber(dayNumbers[i]);
        }

        return dates;
    }

    /// <summary>The first city of each country is its largest market.</summary>
    private static CumulativeWeights CityWeights(int cityCount)
    {
        var weights = new double[cityCount];
        for (var i = 0; i < cityCount; i++)
        {
            weights[i] = 1.0 / (i + 1.5);
        }

        return new CumulativeWeights(weights);
    }

    /// <summary>A few loyal heavy buyers, a middle group of regulars and many occasional buyers.</summary>
    private static double DrawActivityWeight(DeterministicRandom random, string segment)
    {
        var tier = random.NextDouble();
        var baseWeight = tier switch
        {
            < 0.08 => random.NextDouble(6.0, 10.0),
            < 0.35 => random.NextDouble(1.8, 3.5),
            _ => random.NextDouble(0.25, 1.2),
        };

        var segmentFactor = segment switch
        {
            RetailReferenceData.Corporate => 1.35,
            RetailReferenceData.SmallBusiness => 1.2,
            _ => 1.0,
        };

        return baseWeight * segmentFactor;
    }

    private static string BuildEmail(StringBuilder builder, string firstName, string lastName, int customerId)
    {
        builder.Clear();
        AppendAsciiLetters(builder, firstName);
        builder.Append('.');
        AppendAsciiLetters(builder, lastName);
        builder.Append('.').Append(customerId.ToString(CultureInfo.InvariantCulture)).Append("@example.com");
        return builder.ToString();
    }

    /// <summary>Lowercase ASCII letters only: accents are transliterated, spaces, hyphens and apostrophes dropped.</summary>
    private static void AppendAsciiLetters(StringBuilder builder, string name)
    {
        foreach (var character in name)
        {
            var lower = char.ToLowerInvariant(character);
            if (lower is >= 'a' and <= 'z')
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(Transliterate(lower));
            }
        }
    }

    private static string Transliterate(char lower) => lower switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' or 'é' or 'ê' or 'ë' => "e",
        'ì' or 'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ù' or 'ú' or 'û' or 'ü' => "u",
        'ý' or 'ÿ' => "y",
        _ => string.Empty,
    };
}
