using Growth.Domain.Setup.Validation;

namespace Growth.Domain.Setup;

/// <summary>Every rule a setup must meet; each problem names the field path it is about.</summary>
/// <remarks>
/// The rules live by part in <c>Setup/Validation</c> (company and payment terms, organisation, catalogue, channels,
/// targets, compensation, operating rules). Every cross-reference (a region a campaign runs in, a product a price list prices, a rep a target is for)
/// is a hash look-up in ids gathered once, so a 10,000-rep setup validates in milliseconds.
/// </remarks>
public static class SetupValidator
{
    /// <summary>All problems found (empty when the document is valid), in document order by part.</summary>
    public static IReadOnlyList<SetupProblem> Validate(SetupDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new ProblemList();
        var index = SetupIndex.Of(document);
        CompanyRules.Check(document.Company, problems);
        OrganisationRules.Check(document.Organisation, index, problems);
        CatalogueRules.Check(document.Catalogue, index, problems);
        ChannelRules.Check(document.Channels, index, problems);
        TargetRules.Check(document.Targets, document.Company, index, problems);
        CompanyRules.CheckPaymentTerms(document.PaymentTerms, problems);
        CompensationRules.Check(document.Compensation, index, problems);
        RulesRules.Check(document.Rules, problems);
        AssignmentRules.Check(document, index, problems);
        return problems.Items;
    }

    /// <summary>Whether <paramref name="code"/> is an ISO 4217 currency code .NET knows (or a common one).</summary>
    public static bool IsCurrencyCode(string? code) => CompanyRules.IsCurrency(code);

    /// <summary>Whether <paramref name="name"/> is a culture .NET really has (not one ICU would make up).</summary>
    public static bool IsCultureName(string? name) => CompanyRules.IsCulture(name);

    /// <summary>Throws <see cref="InvalidSetupException"/> with every problem if there is any.</summary>
    public static void Require(SetupDocument document)
    {
        var problems = Validate(document);
        if (problems.Count > 0) throw new InvalidSetupException(problems);
    }
}
