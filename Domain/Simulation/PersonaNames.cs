using Bogus;

namespace Growth.Domain.Simulation;

/// <summary>The human face of a simulated customer, derived from its seed on demand so it costs no memory.</summary>
public sealed record PersonaNames(string Company, string Contact, string Role, string City)
{
    public static PersonaNames For(ulong seed)
    {
        var f = new Faker("en") { Random = new Randomizer((int)(seed % int.MaxValue)) };
        return new PersonaNames(f.Company.CompanyName(), f.Name.FullName(), f.Name.JobTitle(), f.Address.City());
    }
}
