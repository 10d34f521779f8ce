using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Localisation.Chinese;

namespace Growth.Dashboard.Localisation;

/// <summary>A refusal's title and detail in the request's language (Chinese where the catalogue knows them; English otherwise).</summary>
public static class RefusalWords
{
    public static string Title(string english) => Words.Chinese ? RefusalChinese.Title(english) ?? english : english;

    public static string Detail(string english) => Words.Chinese ? RefusalChinese.Detail(english) ?? english : english;
}
