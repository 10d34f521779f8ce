namespace Growth.Domain.Figures;

/// <summary>
/// revenue = customers x average order value x repurchases
///         = (effective leads x lead-to-deal conversion + existing customers) x repurchase count x average order value.
/// Each factor is computed from journey outcomes so that the product of the factors is the revenue.
/// </summary>
public static class RevenueFormula
{
    public static RevenueFigures From(Tally t)
    {
        var customers = t[Count.Customers];
        var orders = t[Count.Orders];
        var revenue = t[Money.Revenue];
        return new RevenueFigures
        {
            Total = revenue,
            EffectiveLeads = t[Count.EffectiveLeads],
            LeadConversion = SnapshotBuilder.Ratio(t[Count.NewCustomers], t[Count.EffectiveLeads]),
            ExistingCustomers = t[Count.ExistingCustomers],
            RepurchaseCount = SnapshotBuilder.Ratio(orders, customers),
            AverageOrderValue = orders == 0 ? 0 : Math.Round(revenue / orders, 2),
            Customers = customers,
            NewCustomers = t[Count.NewCustomers],
            Orders = orders,
            Repurchases = t[Count.Repurchases],
        };
    }

    /// <summary>Recomputes revenue from the factors; equals <see cref="RevenueFigures.Total"/> up to rounding.</summary>
    public static decimal Recompose(RevenueFigures r) =>
        (decimal)(r.EffectiveLeads * r.LeadConversion + r.ExistingCustomers) * (decimal)r.RepurchaseCount * r.AverageOrderValue;
}
