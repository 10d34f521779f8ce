using System.Globalization;
using Growth.Domain.Randomness;
using Growth.Domain.Simulation;

namespace Growth.Domain.Journeys;

/// <summary>
/// The contract stage: verbal win, drafted contract, a manager's approval for a discount above the rep's limit (which
/// takes time and may be refused: then the rep re-quotes at the limit, drafts again and the customer signs), the order.
/// Its draws come from side streams of the journey, so switching the stage on moves no other draw of the journey.
/// </summary>
internal sealed partial class JourneyRun
{
    /// <summary>A stream of its own for one decision of this journey: seeded by the journey, its hidden intent and the events so far.</summary>
    Prng Side(string purpose) =>
        new(Prng.Derive(Prng.StableHash(s.Id) ^ (ulong)BitConverter.DoubleToInt64Bits(plan.Intent) ^ (ulong)s.EventCount * 0x9E3779B97F4A7C15UL, purpose));

    void StartContract(ContractRules contract, decimal amount, DateTimeOffset at)
    {
        var discount = contract.DiscountAsked(amount, plan.Budget, Side("contract-discount").NextDouble());
        var quoted = Math.Max(1, Math.Round(amount * (decimal)(1 - discount), 0));
        plan.ListValue = amount;
        plan.Discount = discount;
        plan.QuotedValue = quoted;
        Emit(EventKind.Won, at, e => e with { Amount = quoted });
        plan.Contract = ContractStep.Draft;
        plan.ContractAt = at + TimeSpan.FromDays(Side("contract-draft").Exponential(contract.DraftDays));
    }

    void FireContract(DateTimeOffset at)
    {
        var contract = p.Rules.Contract;
        var step = plan.Contract;
        plan.Contract = ContractStep.None;
        plan.ContractAt = null;
        if (!s.IsCustomer || s.Orders > 0) return;
        switch (step)
        {
            case ContractStep.Draft:
                Emit(EventKind.ContractDrafted, at, e => e with { Amount = plan.QuotedValue });
                // The rules in force when the contract is drafted decide (a setup change may have removed the stage).
                if (contract is not null && plan.Discount > contract.DiscountLimit + 1e-9)
                {
                    Emit(EventKind.ApprovalRequested, at, e => e with { Amount = plan.QuotedValue, Reason = DiscountReason(contract) });
                    plan.Contract = ContractStep.Decide;
                    plan.ContractAt = at + TimeSpan.FromHours(Side("contract-approval").Exponential(contract.ApprovalHours));
                }
                else SignOrder(plan.QuotedValue, at);
                break;
            case ContractStep.Decide:
                var refusal = contract?.RefusalShare ?? 0;
                if (!Side("contract-decision").Chance(refusal))
                {
                    Emit(EventKind.ApprovalGranted, at);
                    SignOrder(plan.QuotedValue, at);
                    break;
                }
                var limit = contract?.DiscountLimit ?? 0;
                Emit(EventKind.ApprovalRefused, at, e => e with { Reason = contract is null ? "refused" : $"{DiscountReason(contract)}: re-quoted at the limit" });
                plan.Discount = limit;
                plan.QuotedValue = Math.Max(1, Math.Round(plan.ListValue * (decimal)(1 - limit), 0));
                plan.Contract = ContractStep.Redraft;
                plan.ContractAt = at + TimeSpan.FromDays(Side("contract-redraft").Exponential(contract?.DraftDays ?? 0));
                break;
            case ContractStep.Redraft:
                Emit(EventKind.ContractDrafted, at, e => e with { Amount = plan.QuotedValue, Reason = "re-quoted at the discount limit" });
                SignOrder(plan.QuotedValue, at);
                break;
        }
    }

    string DiscountReason(ContractRules contract) => string.Create(CultureInfo.InvariantCulture,
        $"discount {plan.Discount * 100:0.#} % above the {contract.DiscountLimit * 100:0.#} % limit");
}
