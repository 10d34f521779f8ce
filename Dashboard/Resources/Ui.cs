namespace Growth.Dashboard.Resources;

/// <summary>
/// The dashboard's words: <c>Ui.resx</c> (English, the default) and <c>Ui.zh-Hans.resx</c> (Simplified Chinese) beside
/// this class. Read them through <see cref="Growth.Dashboard.Components.Shared.Words"/>, never directly.
/// </summary>
public sealed class Ui;
