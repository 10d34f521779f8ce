using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Growth.Dashboard.Security;

/// <summary>
/// Slows password guessing: after <see cref="SignInLimits.MaxFailures"/> failures within the window for one user
/// name, or for one client address, further attempts for it are refused until the lockout has passed. Kept per
/// web host, in memory; the clock is the keyed <see cref="ClockKey"/> TimeProvider (tests move it).
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<AccessOptions> options, [FromKeyedServices(SignInThrottle.ClockKey)] TimeProvider clock)
{
    /// <summary>The key of the clock the throttle reads (the system clock unless a test registers its own).</summary>
    public const string ClockKey = "growth-security-clock";

    sealed class Record
    {
        public readonly List<DateTimeOffset> Failures = [];
        public DateTimeOffset? LockedUntil;
    }

    readonly ConcurrentDictionary<string, Record> records = new(StringComparer.Ordinal);

    static string UserKey(string userName) => "user:" + userName;
    static string AddressKey(string? address) => "ip:" + (address ?? "unknown");

    /// <summary>Until when attempts for this user name or address are refused; null if they may try.</summary>
    public DateTimeOffset? LockedUntil(string userName, string? address)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = null;
        foreach (var key in new[] { UserKey(userName), AddressKey(address) })
            if (records.TryGetValue(key, out var r))
                lock (r)
                    if (r.LockedUntil is { } locked && locked > now && (until is null || locked > until)) until = locked;
        return until;
    }

    public void Failed(string userName, string? address)
    {
        var limits = options.CurrentValue.SignIn;
        var now = clock.GetUtcNow();
        foreach (var key in new[] { UserKey(userName), AddressKey(address) })
        {
            var r = records.GetOrAdd(key, _ => new Record());
            lock (r)
            {
                r.Failures.RemoveAll(f => f <= now - limits.Window);
                r.Failures.Add(now);
                if (r.Failures.Count >= limits.MaxFailures)
                {
                    r.LockedUntil = now + limits.Lockout;
                    r.Failures.Clear();
                }
            }
        }
        if (records.Count > 10_000) Prune(now);
    }

    /// <summary>A successful sign-in clears the user name's failures (not the address's: one address may be guessing many names).</summary>
    public void Succeeded(string userName) => records.TryRemove(UserKey(userName), out _);

    void Prune(DateTimeOffset now)
    {
        var window = options.CurrentValue.SignIn.Window;
        foreach (var (key, r) in records)
            lock (r)
                if ((r.LockedUntil is null || r.LockedUntil <= now) && r.Failures.All(f => f <= now - window)) records.TryRemove(key, out _);
    }
}
