namespace Growth.Domain.Journeys;

/// <summary>The lead pool and intent grades: returned to the pool, reassigned from it, graded.</summary>
public static partial class JourneyTransitions
{
    static Transition ReturnedToPool(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.Prospect || s.Existing) return Refuse(s, $"only an open lead can return to the pool (journey is {s.Status})");
        if (s.InPool) return Refuse(s, "the lead is already in the pool");
        if (s.OpportunityAt is not null) return Refuse(s, "an open opportunity does not return to the pool");
        return Ok(s with { InPool = true, Returns = s.Returns + 1 });
    }

    static Transition Reassigned(JourneyState s, JourneyEvent e)
    {
        if (s.Status != JourneyStatus.Prospect) return Refuse(s, $"cannot reassign a journey that is {s.Status}");
        if (!s.InPool) return Refuse(s, "Reassigned needs a lead in the pool (send ReturnedToPool first)");
        if (string.IsNullOrWhiteSpace(e.TeamId) || string.IsNullOrWhiteSpace(e.RepId)) return Refuse(s, "Reassigned needs teamId and repId");
        return Ok(s with { InPool = false, TeamId = e.TeamId, RepId = e.RepId, RegionId = e.RegionId ?? s.RegionId });
    }

    static Transition Graded(JourneyState s, JourneyEvent e)
    {
        if (e.Grade is not { } grade || !Enum.IsDefined(grade)) return Refuse(s, "Graded needs a grade (a, b, c or d)");
        if (s.IsClosed) return Refuse(s, $"cannot grade a journey that is {s.Status}");
        // A customer's grade is its customer grade (value × activity); a lead's is its intent grade.
        return Ok(s.IsCustomer ? s with { CustomerGrade = (Simulation.CustomerGrade)(int)grade } : s with { Grade = grade });
    }
}
