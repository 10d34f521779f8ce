namespace Growth.Domain.Journeys;

public static partial class JourneyTransitions
{
    /// <summary>Longest contact or company name an event may carry (characters; assumed: longer than any real name, short enough for a list row).</summary>
    public const int NameLimit = 200;

    /// <summary>What makes an event unusable before its kind is looked at: no id, or a name longer than <see cref="NameLimit"/>.</summary>
    static string? EventProblem(JourneyEvent e) =>
        string.IsNullOrWhiteSpace(e.Id) ? "event id is required"
        : e.ContactName?.Length > NameLimit ? $"contactName is longer than {NameLimit} characters (was {e.ContactName.Length})"
        : e.CompanyName?.Length > NameLimit ? $"companyName is longer than {NameLimit} characters (was {e.CompanyName.Length})"
        : !string.IsNullOrWhiteSpace(e.Tags) && e.Kind != EventKind.LeadCreated ? $"tags are taken on LeadCreated only (was {e.Kind})"
        : Organisations.LeadTagText.ListProblem(e.Tags) is { } tags ? tags
        : null;

    /// <summary>The contact and company the CRM sent, when the event carries them (blank: not sent); a later event's name replaces an earlier one.</summary>
    static JourneyState NameFields(JourneyState s, JourneyEvent e)
    {
        if (!string.IsNullOrWhiteSpace(e.ContactName)) s = s with { ContactName = e.ContactName.Trim() };
        if (!string.IsNullOrWhiteSpace(e.CompanyName)) s = s with { CompanyName = e.CompanyName.Trim() };
        return s;
    }
}
