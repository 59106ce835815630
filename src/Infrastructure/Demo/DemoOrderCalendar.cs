namespace Kurobe.Infrastructure.Demo;

/// <summary>Decides how many orders fall on each day: growth, seasonality, weekdays and retail holidays.</summary>
internal static class DemoOrderCalendar
{
    public static readonly DateOnly FirstOrderDate = new(2023, 1, 1);
    public static readonly DateOnly LastOrderDate = new(2025, 12, 31);

    public static int DayCount => LastOrderDate.DayNumber - FirstOrderDate.DayNumber + 1;

    // Demand level on 1 January of 2023, 2024, 2025 and 2026: about 30% growth a year.
    private static readonly double[] GrowthAtYearStart = [1.0, 1.3, 1.69, 2.197];

    // January..December: holiday peak in November and December, summer dip in June..August.
    private static readonly double[] MonthFactors = [0.86, 0.82, 0.94, 0.96, 1.00, 0.88, 0.80, 0.85, 0.98, 1.04, 1.38, 1.60];

    // Sunday..Saturday: shoppers buy most on Fridays and Saturdays.
    private static readonly double[] WeekdayFactors = [0.88, 0.97, 0.98, 1.00, 1.03, 1.10, 1.22];

    public static int[] DailyOrderCounts(int totalOrders, DeterministicRandom random)
    {
        var weights = new double[DayCount];
        for (var day = 0; day < weights.Length; day++)
        {
            var date = FirstOrderDate.AddDays(day);
            weights[day] = Growth(date)
                * MonthFactors[date.Month - 1]
                * WeekdayFactors[(int)date.DayOfWeek]
                * HolidayFactor(date)
                * random.NextDouble(0.85, 1.15);
        }

        return Apportionment.Allocate(totalOrders, weights);
    }

    private static double Growth(DateOnly date)
    {
        var yearIndex = date.Year - FirstOrderDate.Year;
        var yearStart = new DateOnly(date.Year, 1, 1);
        var yearLength = DateTime.IsLeapYear(date.Year) ? 366.0 : 365.0;
        var progress = (date.DayNumber - yearStart.DayNumber) / yearLength;
        return GrowthAtYearStart[yearIndex] + ((GrowthAtYearStart[yearIndex + 1] - GrowthAtYearStart[yearIndex]) * progress);
    }

    private static double HolidayFactor(DateOnly date)
    {
        var thanksgiving = FourthThursdayOfNovember(date.Year);
        if (date == thanksgiving.AddDays(1))
        {
            return 2.4;
        }

        if (date == thanksgiving.AddDays(4))
        {
            return 1.9;
        }

        return (date.Month, date.Day) switch
        {
            (1, 1) => 0.4,
            (12, 24) => 0.7,
            (12, 25) => 0.35,
            (12, 26) => 1.3,
            (12, 31) => 0.6,
            _ => 1.0,
        };
    }

    private static DateOnly FourthThursdayOfNovember(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var daysUntilThursday = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(daysUntilThursday + 21);
    }
}
