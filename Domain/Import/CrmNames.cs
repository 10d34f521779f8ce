using System.Globalization;
using System.Text;
using Growth.Domain.Randomness;

namespace Growth.Domain.Import;

/// <summary>Ids and matching keys made from the names in a CRM export.</summary>
public static class CrmNames
{
    /// <summary>
    /// A readable, stable id: lower case letters and digits, other runs turned into one dash, accents dropped
    /// ("Central" -> "central", "Mei-Mei Johns" -> "mei-mei-johns"). The same name always gives the same id,
    /// so re-importing the same export gives the same ids. Ids are ASCII because grain keys are; a name with no
    /// ASCII letter or digit (such as one in another script) gets "n-" and a stable hash of the name instead.
    /// </summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in Letters(name))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var id = slug.ToString().TrimEnd('-');
        return id.Length > 0 ? id : $"n-{Prng.StableHash(name.Trim()):x8}";
    }

    /// <summary>
    /// The key two spellings of one name share: letters and digits only, lower case ("GTXPro" and "GTX Pro"
    /// both give "gtxpro"). Used only when there is no exact match.
    /// </summary>
    public static string MatchKey(string name) =>
        new(Letters(name).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The characters of <paramref name="name"/> with accents taken off (é -> e).</summary>
    static IEnumerable<char> Letters(string name) =>
        name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
}
