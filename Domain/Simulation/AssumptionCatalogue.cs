using System.Globalization;
using Growth.Domain.Journeys;

namespace Growth.Domain.Simulation;

/// <summary>One behaviour assumption as a person reads it.</summary>
/// <param name="Area">What part of selling it is about ("Speed to lead", "Sales cycle", ...).</param>
/// <param name="Key">The parameter it is (<c>speedToLead.fastHours</c>).</param>
/// <param name="Value">Its value, written invariantly (a list reads "Jan 1.05, Feb 1.05, ...").</param>
/// <param name="Fitted">True when a calibration on an imported history set it; false when it is the default below.</param>
public sealed record Assumption(string Area, string Key, string Name, string Value, string Unit, string Effect, string Source, bool Fitted = false);

/// <summary>
/// Every behaviour assumption the simulation runs on, grouped by area, with its value, unit, what it does and its
/// source: a study, a data set, or "assumed". Built from the parameters in force, so a setup's or a calibration's
/// values show, and the ones a calibration fitted say so.
/// </summary>
public static class AssumptionCatalogue
{
    const string Hbr = "study: Oldroyd, McElheran and Elkington, \"The Short Life of Online Sales Leads\", HBR 2011";

    public static IReadOnlyList<Assumption> Of(BehaviourParameters p, CompanyKind kind = CompanyKind.General)
    {
        var fitted = p.Deals is not null;
        var d = p.SpeedToLead;
        var a = p.Arrival;
        var (inside, outside) = a.TimeWeights();
        var cycle = p.DaysPerStep * Enum.GetValues<ConversationStep>().Length;
        return
        [
            new("Speed to lead", "hoursToFirstContact", "Hours to first contact", N(p.HoursToFirstContact), "hours (mean)",
                "mean delay from assignment to first contact at normal effort and load; a first-contact deadline shortens it, overload lengthens it", "assumed"),
            new("Speed to lead", "speedToLead.graceHours", "Immediate-contact window", N(d.GraceHours), "hours",
                "a contact within this window keeps a real lead's full chance to be qualified", Hbr + " (\"within an hour\")"),
            new("Speed to lead", "speedToLead.fastHours", "Steep decay", N(d.FastHours), "hours (time constant)",
                "after the window the chance falls fast: the second hour averages 1/7 of the first", Hbr + " (7× within an hour against an hour later)"),
            new("Speed to lead", "speedToLead.tailShare", "Slow tail", N(d.TailShare), "share of the chance",
                "what is left after the steep fall; about 1/60 at 24 hours", Hbr + " (60× against 24 hours or later)"),
            new("Speed to lead", "speedToLead.tailHours", "Slow decay", N(d.TailHours), "hours (time constant)", "how slowly the tail fades after a day", "assumed"),
            new("Speed to lead", "speedToLead.enabled", "Delay costs conversion", d.Enabled ? "yes" : "no", "",
                "off when a calibration fitted conversion on a history without contact times", fitted ? "fitted: history has no contact times" : Hbr, fitted),
            new("Qualification", "qualifyEffective", "Qualification of a real lead", N(p.QualifyEffective), "probability",
                "chance a real lead contacted at once is qualified", fitted ? "fitted: the history's share of leads that reached an opportunity" : "assumed", fitted),
            new("Qualification", "junkPassRate", "Junk that slips through", N(p.JunkPassRate), "probability", "chance a junk lead is qualified anyway", "assumed"),
            new("Sales cycle", "salesCycleDays", "Engagement to close", N(cycle), "days (mean, won deals)",
                "six conversation steps, each taking a sixth of it on average", fitted ? "fitted: the history's mean days from engagement to a win" : SalesCycles.Source(kind), fitted),
            new("Sales cycle", "daysBetweenFollowUps", "Follow-up cadence", N(p.DaysBetweenFollowUps), "days (mean)",
                "time between follow-ups of a qualified lead at normal effort (intent grades change it)", "assumed"),
            new("Sales cycle", "winRate", "Win rate", fitted ? N(p.Deals!.WinRate) : "from skills, intent and price", fitted ? "probability" : "",
                "chance an opportunity is won", fitted ? "fitted: won ÷ closed opportunities of the history, per rep and team" : "assumed: step failure rates × skill × intent × price against budget", fitted),
            new("Sales cycle", "stalledShare", "Stalled opportunities", N(p.Deals?.StallShare ?? 0), "share of opportunities",
                "opportunities that are neither won nor lost but stay open", fitted
                    ? "fitted: so the calibrated model closes the history's share of its leads within the history's span (a seeded trial run)"
                    : "assumed: every opportunity is won or lost", fitted),
            new("Referral", "referralMeanDays", "Referral interval", N(p.ReferralMeanDays), "days (mean, fully satisfied customer)",
                "a satisfied customer refers someone this often; less satisfied ones far less often", "assumed"),
            new("Referral", "maxReferrals", "Referrals per customer", N(p.MaxReferrals), "leads (at most)", "most referrals one customer makes",
                fitted ? "fitted: the history's lead flows hold every lead it had, referred ones included, so customers refer none on top" : "assumed", fitted),
            new("Churn", "churnSatisfaction", "Churn threshold", N(p.ChurnSatisfaction), "satisfaction 0..1",
                "below it a customer may ask for a refund and leave", "assumed"),
            new("Churn", "daysToChurn", "Days to churn", N(p.DaysToChurn), "days (mean)", "how soon a dissatisfied customer leaves", "assumed"),
            new("Churn", "retentionDays", "Retention period", N(p.RetentionDays), "days", "a customer who stays this long counts as retained", "assumed"),
            new("Seasonality", "arrival.workingTimeShare", "Leads in working time", N(a.WorkingTimeShare), "share of leads",
                $"leads arrive {N(inside)}× the mean rate in working time and {N(outside)}× outside it", "assumed"),
            new("Seasonality", "arrival.weekdayWeights", "Weekday", Join(a.WeekdayWeights, CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames), "relative volume",
                "lead volume by day of the week, beyond working days", "assumed"),
            new("Seasonality", "arrival.monthWeights", "Month", Join(a.MonthWeights, CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames), "relative volume",
                "lead volume by month (mean 1 over a year)", "assumed"),
            new("Working hours", "arrival.workday", "Working day", $"{Clock(a.WorkdayStartHour)}–{Clock(a.WorkdayEndHour)} {a.TimeZone}", "local time",
                "when the company works: leads arrive mostly in it", "setup: company.workdayStart, workdayEnd, timeZone"),
            new("Working hours", "arrival.workingDays", "Working days", string.Join(", ", a.WorkingDays.Select(x => x.ToString()[..3])), "days",
                "days counted as working time", "setup: company.workingDays"),
            new("Operating rules", "rules.firstContactDeadlineHours", "First-contact deadline", N(p.Rules.FirstContactDeadlineHours), "hours",
                "a lead untouched by then returns to the pool and its team reassigns it", "setup: rules.firstContactDeadlineHours (default 24)"),
            new("Operating rules", "rules.deadlineAim", "Pace to the deadline", N(p.Rules.DeadlineAim), "share of the deadline",
                "reps aim to make first contact by this share of the deadline: it caps the mean contact delay", "assumed"),
            new("Operating rules", "rules.grades", "Follow-up by intent grade",
                string.Join(", ", p.Rules.Grades.Select(g => $"{g.Grade} every {N(g.FollowUpDays)} d ×{g.FollowUps}")), "days between, follow-ups",
                "grade A (need, budget, timing and decision power) is followed up soonest and longest", "setup: rules.grades (defaults assumed)"),
            new("Operating rules", "rules.inFlightDeals", "Deals in flight at the start", N(p.Rules.InFlightDeals), "open opportunities",
                "opportunities already open when the simulation starts, spread evenly over the six conversation steps, each as old as the steps it passed", "setup: rules.inFlightDeals (assumed 0)"),
            new("Operating rules", "rules.archiveClosedAfterDays", "Archive closed journeys after", p.Rules.ArchiveClosedAfterDays == 0 ? "never" : N(p.Rules.ArchiveClosedAfterDays), "days",
                "a lost, disqualified or churned journey closed longer ago leaves the record lists and memory; its figures stay in the totals", "setup: rules.archiveClosedAfterDays (assumed 365)"),
            new("Ramp-up", "rampUpDays", "Ramp-up", N(p.RampUpDays), "days", "a new rep reaches full skill after this", "assumed"),
            new("Ramp-up", "rampStartShare", "Skill on day one", N(p.RampStartShare), "share of full skill", "a new rep's skill the day they join", "assumed"),
            new("Targets", "targets.productivityPerRepDay", "Revenue per rep working day", N((double)Quotas.CapacityAssumptions.DefaultProductivityPerRepDay),
                "company currency per ramped rep working day", "quotas from capacity use it where the workspace has too little history to learn it from; the seeded demo's quotas are this × 65 working days",
                "assumed: the seeded demo's revenue per rep working day over its first whole simulated quarter (seed 42, 60 reps: 366)"),
            new("Targets", "targets.growth", "Growth on last period", N(Quotas.CapacityAssumptions.DefaultGrowth), "share",
                "the suggestion from history asks last period's won value × (1 + this)", "assumed"),
            new("Targets", "targets.minHistoryDays", "History to learn from", N(Quotas.CapacityAssumptions.DefaultMinHistoryDays), "days",
                "fewer days of won deals and quotas from capacity use the assumed revenue per rep working day", "assumed"),
            .. Compensation.PlanResponseAssumptions.Of(p.PlanResponse),
            new("Payment", "onTimePaymentRate", "Paid on time", N(p.OnTimePaymentRate), "share of invoices", "the rest go overdue", "setup: paymentTerms.onTimeShare (assumed 0.75)"),
            .. ContractAndCollections(p.Rules),
            .. CustomerGrades(p.Rules),
            // The live simulation's long run (when the setup turns it on); its churn is the customers' own (grades or satisfaction).
            .. p.Rules.LongRun?.Catalogue().Where(x => x.Key != "longRun.annualCustomerChurn") ?? [],
        ];
    }

    /// <summary>The contract stage (when the setup turns it on) and the collection rules.</summary>
    static IEnumerable<Assumption> ContractAndCollections(OperatingRules r)
    {
        var c = r.Contract;
        var k = r.Collections;
        if (c is not null)
        {
            yield return new("Contract", "rules.contract.draftDays", "Drafting the contract", N(c.DraftDays), "days (mean)",
                "from the verbal win to the drafted contract (and again after a refused discount)", "setup: rules.contract.draftDays (assumed 2)");
            yield return new("Contract", "rules.contract.approvalHours", "Approval delay", N(c.ApprovalHours), "hours (mean)",
                "a manager decides on a discount above the rep's limit after this", "setup: rules.contract.approvalHours (assumed 48)");
            yield return new("Contract", "rules.contract.refusalShare", "Approvals refused", N(c.RefusalShare), "share of approvals",
                "a refused discount is re-quoted at the limit, drafted again and signed", "setup: rules.contract.refusalShare (assumed 0.2)");
            yield return new("Contract", "catalogue.discounts.repLimit", "Discount without approval", N(c.DiscountLimit), "share of the price",
                "a larger discount needs a manager's approval", "setup: catalogue.discounts.repLimit (default 0.10)");
            yield return new("Contract", "rules.contract.discountHabit", "Discount to close", N(c.DiscountHabit), "share of the price (at most)",
                "reps discount the gap between price and budget plus up to this, capped at the maximum discount", "assumed");
        }
        yield return new("Collections", "rules.collections.instalments", "Instalments", $"{k.Instalments} every {k.InstalmentDays} d", "invoices",
            "an order is invoiced in this many equal parts; revenue is booked at the order, cash follows the parts", "setup: rules.collections (default 1)");
        yield return new("Collections", "rules.collections.reminderDays", "Reminders", k.ReminderDays.Count == 0 ? "none" : string.Join(", ", k.ReminderDays), "days past due",
            "a reminder goes out for an unpaid invoice at each (no effect on payment is modelled)", "setup: rules.collections.reminderDays (default none)");
        yield return new("Collections", "rules.collections.writeOffDays", "Write-off", k.WriteOffDays == 0 ? "never" : N(k.WriteOffDays), "days past due",
            "an invoice still unpaid then is written off: it leaves receivables, revenue stays", "setup: rules.collections.writeOffDays (default never)");
        yield return new("Collections", "rules.collections.refundShareOnChurn", "Refund on churn", N(k.RefundShareOnChurn), "share of what was paid",
            "a dissatisfied customer who leaves gets this much back", "setup: rules.collections.refundShareOnChurn (assumed 0.5)");
    }

    /// <summary>The customer grades (when the setup turns them on): value × activity, check-in cadence and yearly churn per grade.</summary>
    static IEnumerable<Assumption> CustomerGrades(OperatingRules r)
    {
        if (r.Customers is not { } c) yield break;
        yield return new("Customer grades", "rules.customers.highValue", "High-value customer", N((double)c.HighValue), "lifetime value (company currency)",
            "a customer whose orders add up to this is high value (grades A and C)", "setup: rules.customers.highValue (assumed: the list price)");
        yield return new("Customer grades", "rules.customers.activeDays", "Active customer", N(c.ActiveDays), "days since the last purchase",
            "a customer who bought within this is active (grades A and B); an existing customer's last purchase is drawn from their own repurchase rate", "setup: rules.customers.activeDays (assumed 180)");
        yield return new("Customer grades", "rules.customers.checkInDays", "Retention check-ins by grade",
            string.Join(", ", c.Grades.Select(g => $"{g.Grade} every {N(g.CheckInDays)} d")), "days between",
            "the retention effort: grade A is checked in with most often; each check-in grades the customer again", "setup: rules.customers.grades (defaults assumed)");
        yield return new("Customer grades", "rules.customers.annualChurn", "Churn by grade",
            string.Join(", ", c.Grades.Select(g => $"{g.Grade} {N(g.AnnualChurn)}")), "share leaving a year",
            "a customer leaves at a constant rate set by their grade (this share within a year), whatever their satisfaction",
            "setup: rules.customers.grades (defaults assumed)");
    }

    static string N(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    static string Join(IReadOnlyList<double> weights, string[] names) =>
        string.Join(", ", weights.Select((w, i) => $"{(i < names.Length ? names[i] : i.ToString(CultureInfo.InvariantCulture))} {N(w)}"));

    static string Clock(double hours) => TimeSpan.FromHours(hours).ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
