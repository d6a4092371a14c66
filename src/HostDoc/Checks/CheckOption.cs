namespace HostDoc.Checks;

/// <summary>A check-specific option: <c>--NAME VALUE</c> (repeatable when the check says so) or a flag.</summary>
/// <param name="Name">The long name without dashes, e.g. <c>path</c>.</param>
/// <param name="TakesValue">True for <c>--NAME VALUE</c>; false for a flag.</param>
/// <param name="Description">For --help.</param>
public sealed record CheckOption(string Name, bool TakesValue, string Description);
