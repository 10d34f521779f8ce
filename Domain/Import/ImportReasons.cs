namespace Growth.Domain.Import;

/// <summary>The reasons an <see cref="ImportIssue"/> gives. Fixed text, so reports can be counted by reason.</summary>
public static class ImportReasons
{
    // Fixed up: the row is imported, with the repair said here.

    /// <summary>The product name matched the price list only ignoring spaces and case ("GTXPro" for "GTX Pro").</summary>
    public const string ProductSpelling = "product matched ignoring spaces and case";
    /// <summary>The product is not in the price list: the opportunity is valued at 0.</summary>
    public const string UnknownProduct = "product not in the price list: opportunity valued at 0";
    /// <summary>No product: the opportunity is valued at 0.</summary>
    public const string NoProduct = "no product: opportunity valued at 0";
    /// <summary>No account. Imported as it is: the journey model does not use the account.</summary>
    public const string NoAccount = "no account";
    /// <summary>The agent matched the teams file only ignoring spaces and case.</summary>
    public const string AgentSpelling = "agent matched ignoring spaces and case";
    /// <summary>The agent is not in the teams file: the deal counts for the rep only, in no team or region.</summary>
    public const string UnknownAgent = "agent not in the teams file: no team or region";
    /// <summary>No agent: the deal counts in the totals only.</summary>
    public const string NoAgent = "no agent: no rep, team or region";
    /// <summary>A prospect without a date is dated at the latest date of the imported rows (<see cref="ImportReport.UndatedProspectsAt"/>).</summary>
    public const string UndatedProspect = "prospect without a date: dated at the latest date in the file";
    /// <summary>A won deal with a zero or empty close value: imported as won with an unknown value (in wins and win
    /// rate, not in value averages or revenue).</summary>
    public const string WonWithoutValue = "won without a close value: value unknown";
    /// <summary>An open or lost deal without an amount in the export's amount column: valued at 0.</summary>
    public const string NoAmount = "no amount: opportunity valued at 0";
    /// <summary>A close date or close value on a deal that is still open is left out.</summary>
    public const string OpenDealClosingIgnored = "close date or value on an open deal ignored";

    // Rejected: the row is not imported.

    public const string NoOpportunityId = "no opportunity id";
    /// <summary>The id has characters a journey id cannot carry, or is too long.</summary>
    public const string UnusableOpportunityId = "opportunity id cannot be a journey id";
    /// <summary>An earlier row with the same id was imported; the first one is kept.</summary>
    public const string DuplicateOpportunityId = "duplicate opportunity id";
    /// <summary>Bad quoting or the wrong number of fields: the columns of the row cannot be trusted.</summary>
    public const string MalformedRow = "malformed row";
    public const string UnknownStage = "unknown deal stage";
    /// <summary>A deal of a leads export whose lead id is not in the leads file.</summary>
    public const string LeadNotFound = "lead not in the leads file";
    /// <summary>The status column holds something other than won, lost or open.</summary>
    public const string UnknownStatus = "unknown deal status";
    public const string UnreadableDate = "unreadable date";
    /// <summary>A date the stage needs is empty: engage date for open and closed deals, close date for closed ones.</summary>
    public const string MissingDate = "missing date";
    public const string ClosedBeforeEngaged = "close date before engage date";
    public const string UnreadableCloseValue = "unreadable close value";
    public const string NegativeCloseValue = "negative close value";
    /// <summary>A prospect without a date, in a file where no imported row has a date to place it at.</summary>
    public const string UndatableProspect = "prospect without a date, and no date in the file";

    // Rejected rows of the event files (payments, orders, activities): the row is not imported.

    /// <summary>The key column (the deal, order or customer the row is about) is empty.</summary>
    public const string NoKey = "no key";
    /// <summary>The key is no imported deal, lead, order or won deal's account.</summary>
    public const string KeyNotFound = "key matches no imported deal";
    public const string UnreadableAmount = "unreadable amount";
    public const string AmountNotPositive = "amount not positive";
    public const string NoOrderId = "no order id";
    /// <summary>An earlier row of the orders file has the same order id; the first one is kept.</summary>
    public const string DuplicateOrderId = "duplicate order id";
    /// <summary>The order id (or invoice id) has characters an event id cannot carry, or is too long.</summary>
    public const string UnusableEventId = "id cannot name an event";
    /// <summary>Payments and orders need a won deal (a customer); the row's key is a lead, an open or lost deal.</summary>
    public const string NotACustomer = "not a customer: its deal is not won";
    /// <summary>The row's date is before the journey could take it (a payment before the order, an activity before the lead was created).</summary>
    public const string BeforeItsDeal = "dated before its deal allows";
    /// <summary>A payment of more than was owed at its date.</summary>
    public const string PaidMoreThanOwed = "payment exceeds what was owed";
    /// <summary>The journey refused the row's event for another reason (the detail says which).</summary>
    public const string RefusedByJourney = "refused by the journey";
}
