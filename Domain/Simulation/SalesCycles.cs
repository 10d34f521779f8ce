using Growth.Domain.Journeys;

namespace Growth.Domain.Simulation;

/// <summary>What kind of company sells: it sets how long a deal takes from engagement (an opportunity) to close.</summary>
public enum CompanyKind
{
    /// <summary>No kind given: the model's own assumption (2 days per conversation step, 12 days in all).</summary>
    General,
    /// <summary>Software sold to companies: long cycles, few large deals.</summary>
    BusinessSoftware,
    /// <summary>Courses and lessons sold to people: short cycles.</summary>
    ConsumerEducation,
    /// <summary>Machines sold to factories: the longest cycles.</summary>
    IndustrialEquipment,
}

/// <summary>Mean days from engagement to close of a won deal, by kind of company, with where each figure comes from.</summary>
public static class SalesCycles
{
    /// <summary>Mean days from an opportunity opening to a win, or null to keep the model's default (<see cref="CompanyKind.General"/>).</summary>
    public static double? Days(CompanyKind kind) => kind switch
    {
        CompanyKind.BusinessSoftware => 51.8,
        CompanyKind.ConsumerEducation => 14,
        CompanyKind.IndustrialEquipment => 90,
        _ => null,
    };

    /// <summary>Where the figure of <see cref="Days"/> comes from.</summary>
    public static string Source(CompanyKind kind) => kind switch
    {
        CompanyKind.BusinessSoftware => "data set: Maven Analytics CRM sales opportunities sample (B2B computer hardware and software), mean engage-to-close of won deals 51.8 days",
        CompanyKind.ConsumerEducation => "assumed: 14 days (a trial lesson and a decision within two weeks)",
        CompanyKind.IndustrialEquipment => "assumed: 90 days (capital purchases pass a budget round)",
        _ => "assumed: 2 days per conversation step",
    };

    /// <summary>Mean days per conversation step that make a won deal take <paramref name="days"/> in all (six steps).</summary>
    public static double DaysPerStep(double days) => days / Enum.GetValues<ConversationStep>().Length;
}
