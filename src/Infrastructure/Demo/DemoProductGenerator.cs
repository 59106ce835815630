using System.Globalization;

namespace Kurobe.Infrastructure.Demo;

internal static class DemoProductGenerator
{
    private const int NameAttempts = 12;

    public static DemoProduct[] Generate(int count, DeterministicRandom random)
    {
        var subcategories = RetailReferenceData.Categories
            .SelectMany(category => category.Subcategories.Select(subcategory => (Category: category, Subcategory: subcategory)))
            .ToArray();
        var productsPerSubcategory = Apportionment.Allocate(count, subcategories.Select(entry => entry.Subcategory.CatalogShare).ToArray());
        var slots = ShuffledSlots(productsPerSubcategory, random);
        var takenNames = new HashSet<string>(StringComparer.Ordinal);

        var products = new DemoProduct[count];
        for (var i = 0; i < count; i++)
        {
            var (category, subcategory) = subcategories[slots[i]];
            var type = random.Pick(subcategory.Types);
            var name = UniqueName(random, category, subcategory, type, takenNames);
            var unitPrice = RetailPrice(random.NextDouble(), type);
            var unitCost = UnitCost(random, category, unitPrice);

            // Divided by the subcategory size so a subcategory's share of sales does not depend on its catalog size.
            var popularity = subcategory.Popularity / productsPerSubcategory[slots[i]] * (0.25 + (2.75 * Squared(random.NextDouble())));

            products[i] = new DemoProduct(i + 1, name, category.Name, subcategory.Name, unitPrice, unitCost, type.MaxQuantity, popularity);
        }

        return products;
    }

    /// <summary>Interleaves subcategories so that product ids are not grouped by category.</summary>
    private static int[] ShuffledSlots(int[] productsPerSubcategory, DeterministicRandom random)
    {
        var slots = new List<int>();
        for (var subcategory = 0; subcategory < productsPerSubcategory.Length; subcategory++)
        {
            slots.AddRange(Enumerable.Repeat(subcategory, productsPerSubcategory[subcategory]));
        }

        var shuffled = slots.ToArray();
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return shuffled;
    }

    private static string UniqueName(
        DeterministicRandom random,
        ProductCategory category,
        ProductSubcategory subcategory,
        ProductType type,
        HashSet<string> takenNames)
    {
        var candidate = string.Empty;
        for (var attempt = 0; attempt < NameAttempts; attempt++)
        {
            candidate = string.Create(
                CultureInfo.InvariantCulture,
                $"{random.Pick(category.Brands)} {random.Pick(subcategory.Lines)} {type.Noun} {random.NextInt(10, 99) * 10}");
            if (takenNames.Add(candidate))
            {
                return candidate;
            }
        }

        // Large scales exhaust brand x line x model combinations; later generations keep names unique.
        for (var generation = 2; ; generation++)
        {
            var successor = string.Create(CultureInfo.InvariantCulture, $"{candidate} Gen {generation}");
            if (takenNames.Add(successor))
            {
                return successor;
            }
        }
    }

    /// <summary>Skewed towards the cheap end of the range, with the usual price endings (4.99, 249.99, 1299.00).</summary>
    private static decimal RetailPrice(double uniform, ProductType type)
    {
        var raw = type.MinPrice + ((type.MaxPrice - type.MinPrice) * Squared(uniform));
        return raw switch
        {
            < 100 => (decimal)Math.Floor(raw) + 0.99m,
            < 1000 => ((decimal)Math.Ceiling(raw / 10) * 10) - 0.01m,
            _ => ((decimal)Math.Ceiling(raw / 50) * 50) - 1m,
        };
    }

    private static decimal UnitCost(DeterministicRandom random, ProductCategory category, decimal unitPrice)
    {
        var costPerMille = random.NextInt(PerMille(category.MinCostShare), PerMille(category.MaxCostShare));
        return Math.Round(unitPrice * costPerMille / 1000m, 2, MidpointRounding.AwayFromZero);
    }

    private static int PerMille(double share) => (int)Math.Round(share * 1000);

    private static double Squared(double value) => value * value;
}
