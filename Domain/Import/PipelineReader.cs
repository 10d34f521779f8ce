using static Growth.Domain.Import.ImportReasons;

namespace Growth.Domain.Import;

/// <summary>
/// Reads one pipeline row into an <see cref="Opportunity"/>, repairing what can be repaired without
/// guessing (each repair reported) and rejecting the row, with the reason, when a figure would be wrong.
/// </summary>
/// <param name="engageOrder">Order of the engage dates written day-or-month first (<see cref="DateColumns"/>).</param>
/// <param name="closeOrder">Order of the close dates.</param>
internal sealed class PipelineReader(CsvTable table, CrmColumnMapping mapping, ProductCatalogue products, SalesDirectory teams,
    DateOrder? engageOrder = null, DateOrder? closeOrder = null, StageNames? stageNames = null, DateOrder? lostOrder = null,
    LeadBook? leads = null)
{
    readonly int id = table.Columns[mapping.OpportunityId];
    readonly int agent = table.Columns[mapping.Agent];
    readonly int product = Optional(table, mapping.Product);
    readonly int account = Optional(table, mapping.Account);
    readonly int stage = Optional(table, mapping.Stage);
    readonly int status = Optional(table, mapping.Status);
    readonly int engageDate = Optional(table, mapping.EngageDate);
    readonly int closeDate = table.Columns[mapping.CloseDate];
    readonly int lostDate = Optional(table, mapping.LostDate);
    readonly int closeValue = table.Columns[mapping.CloseValue];
    readonly int openValue = Optional(table, mapping.OpportunityValue);
    readonly int lostReason = Optional(table, mapping.LostReason);
    readonly int contact = Optional(table, mapping.Contact);
    readonly StageNames stages = stageNames ?? StageNames.Parse(table.Name, null);
    readonly System.Globalization.CultureInfo? culture = CrmValues.CultureOf(mapping.AmountCulture);

    static int Optional(CsvTable table, string? column) => string.IsNullOrEmpty(column) ? -1 : table.Columns[column];

    static string Field(CsvRecord row, int index) => index < 0 ? "" : row[index];

    /// <summary>A name cell, trimmed and cut to <see cref="Journeys.JourneyTransitions.NameLimit"/> characters; null when empty or absent.</summary>
    static string? NameIn(CsvRecord row, int index) =>
        Field(row, index).Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, Journeys.JourneyTransitions.NameLimit)] : null;

    /// <summary>The row as an opportunity, or the reason it is rejected.</summary>
    public (Opportunity? Opportunity, ImportIssue? Rejection) Read(CsvRecord row)
    {
        var r = new RowReading(row, row[id]);
        if (CheckRow(r) is { } unreadable) return (null, unreadable);
        LeadRow? lead = null;
        if (leads is not null && (lead = leads.Find(r.Id)) is null) return (null, r.Reject(LeadNotFound, $"'{r.Id}' is not in {mapping.LeadsFile}"));
        if (ReadStage(r, out var reading) is { } badStage) return (null, badStage);
        var dealStage = reading.Outcome;
        if (ReadDates(r, dealStage, lead, out var engaged, out var closed) is { } badDate) return (null, badDate);
        if (ReadValues(r, dealStage, out var opened, out var won) is { } badValue) return (null, badValue);
        var placement = Place(r);
        if (account >= 0 && row[account].Length == 0) r.Fix(NoAccount);
        return (new Opportunity
        {
            Row = row.Line, Id = r.Id, Stage = dealStage, Step = reading.Step,
            EngagedAt = engaged, ClosedAt = closed,
            OpportunityValue = opened, WonValue = won,
            LostReason = dealStage == CrmDealStage.Lost && Field(row, lostReason) is { Length: > 0 } why ? why : null,
            Placement = placement, FixUps = r.FixUps,
            CampaignId = lead?.CampaignId, Channel = lead?.Channel,
            Company = NameIn(row, account), Contact = NameIn(row, contact),
        }, null);
    }

    /// <summary>The row in the making: its line and id, and the repairs made so far.</summary>
    sealed class RowReading(CsvRecord row, string id)
    {
        public CsvRecord Row { get; } = row;
        public string Id { get; } = id;
        public List<ImportIssue> FixUps { get; } = [];
        public void Fix(string reason, string? detail = null) => FixUps.Add(new ImportIssue(Row.Line, Id, reason, detail));
        public ImportIssue Reject(string reason, string? detail = null) => new(Row.Line, Id, reason, detail);
    }

    static ImportIssue? CheckRow(RowReading r) =>
        r.Id.Length == 0 ? r.Reject(NoOpportunityId)
        : !JourneyScript.CanName(r.Id) ? r.Reject(UnusableOpportunityId, $"'{r.Id}'")
        : r.Row.Problem is { } problem ? r.Reject(MalformedRow, problem)
        : null;

    /// <summary>
    /// The outcome and step: from the stage map, or, when the export has a status column, the outcome from the status
    /// and the step from the stage (a stage name the map does not know then only leaves the step unknown).
    /// </summary>
    ImportIssue? ReadStage(RowReading r, out StageReading reading)
    {
        reading = default;
        if (stage < 0 && status < 0)
        {
            // A deals file without a stage or status column lists won deals only.
            reading = new StageReading(CrmDealStage.Won, null);
            return null;
        }
        var text = Field(r.Row, stage);
        var found = stages.Find(text);
        if (status < 0)
        {
            if (found is not { } known) return r.Reject(UnknownStage, $"{mapping.Stage} '{text}' (known: {stages.Known})");
            reading = known;
            return null;
        }
        if (StageNames.Status(r.Row[status]) is not { } outcome)
            return r.Reject(UnknownStatus, $"{mapping.Status} '{r.Row[status]}' (expected won, lost or open)");
        reading = new StageReading(outcome, outcome == CrmDealStage.Won ? null : found?.Step);
        return null;
    }

    ImportIssue? ReadDates(RowReading r, CrmDealStage dealStage, LeadRow? lead, out DateTimeOffset? engaged, out DateTimeOffset? closed)
    {
        engaged = closed = null;
        var closes = dealStage is CrmDealStage.Won or CrmDealStage.Lost;
        // A deal of a leads export engaged when its lead was first contacted.
        var rejection = engageDate < 0 ? null : ReadDate(r, engageDate, mapping.EngageDate, engageOrder, required: dealStage != CrmDealStage.Prospecting, out engaged);
        if (rejection is not null) return rejection;
        if (engageDate < 0) engaged = lead?.CreatedAt;
        if (engaged is null && dealStage != CrmDealStage.Prospecting) return r.Reject(MissingDate, "no engage date column and no lead");
        if (!closes)
        {
            // An open deal has no close yet: a close date or value on it is a leftover, not a fact to count.
            if (r.Row[closeDate].Length > 0 || (openValue < 0 && r.Row[closeValue].Length > 0))
                r.Fix(OpenDealClosingIgnored, $"{mapping.CloseDate} '{r.Row[closeDate]}', {mapping.CloseValue} '{r.Row[closeValue]}'");
            return null;
        }
        var (column, name, order) = dealStage == CrmDealStage.Lost && lostDate >= 0
            ? (lostDate, mapping.LostDate!, lostOrder) : (closeDate, mapping.CloseDate, closeOrder);
        rejection = ReadDate(r, column, name, order, required: true, out closed);
        if (rejection is not null) return rejection;
        return closed < engaged ? r.Reject(ClosedBeforeEngaged, $"{engaged:yyyy-MM-dd HH:mm} to {r.Row[column]}") : null;
    }

    static ImportIssue? ReadDate(RowReading r, int column, string name, DateOrder? order, bool required, out DateTimeOffset? at)
    {
        at = null;
        var text = r.Row[column];
        if (text.Length == 0) return required ? r.Reject(MissingDate, name) : null;
        if (!DateColumns.TryParse(text, order, out var parsed))
            return r.Reject(UnreadableDate, $"{name} '{text}' (expected {CrmValues.DateLayouts}{(order is { } o ? $"; the column is {(o == DateOrder.DayFirst ? "day-first" : "month-first")}" : "")})");
        at = parsed;
        return null;
    }

    /// <summary>
    /// Every row opens an opportunity (a prospect is an open deal not yet worked) valued at its product's list price;
    /// a won deal is worth its close value. A won deal without one is won with an unknown value (reported): counted
    /// in wins and win rate, left out of value averages, no revenue invented.
    /// </summary>
    ImportIssue? ReadValues(RowReading r, CrmDealStage dealStage, out decimal opened, out decimal won)
    {
        won = 0;
        if (openValue >= 0)
        {
            // The export's own amount values the deal; empty means not known (0), reported.
            var amount = r.Row[openValue];
            opened = 0;
            if (amount.Length > 0 && !CrmValues.TryParseAmount(amount, culture, out opened))
                return r.Reject(UnreadableCloseValue, $"{mapping.OpportunityValue} '{amount}'");
            if (opened < 0) return r.Reject(NegativeCloseValue, $"{mapping.OpportunityValue} '{amount}'");
            if (amount.Length == 0 && dealStage != CrmDealStage.Won) r.Fix(NoAmount, mapping.OpportunityValue);
        }
        else opened = ListPrice(r);
        if (dealStage != CrmDealStage.Won) return null;

        var text = r.Row[closeValue];
        var value = 0m;
        if (text.Length > 0 && !CrmValues.TryParseAmount(text, culture, out value))
            return r.Reject(UnreadableCloseValue, $"'{text}'");
        if (value < 0) return r.Reject(NegativeCloseValue, $"'{text}'");
        if (value == 0) r.Fix(WonWithoutValue, $"{mapping.CloseValue} '{text}'");
        won = value;
        return null;
    }

    decimal ListPrice(RowReading r)
    {
        if (product < 0) return 0;
        var name = r.Row[product];
        if (name.Length == 0)
        {
            r.Fix(NoProduct);
            return 0;
        }
        var (found, loose) = products.Find(name);
        if (found is null && products.Products.Count == 0) return 0;
        if (found is null) r.Fix(UnknownProduct, $"'{name}'");
        else if (loose) r.Fix(ProductSpelling, $"'{name}' read as '{found.Name}'");
        return found?.ListPrice ?? 0;
    }

    RepPlacement? Place(RowReading r)
    {
        var name = r.Row[agent];
        if (name.Length == 0)
        {
            r.Fix(NoAgent);
            return null;
        }
        var (found, loose) = teams.Find(name);
        if (found is null)
        {
            r.Fix(UnknownAgent, $"'{name}'");
            return new RepPlacement(CrmNames.Slug(name), null, null);
        }
        if (loose) r.Fix(AgentSpelling, $"'{name}' read as rep {found.RepId}");
        return found;
    }
}
