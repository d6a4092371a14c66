namespace HostDoc.Fuzz.Trees;

/// <summary>What a tree-fuzzing run did: trees damaged, command runs, time, and one failure per site.</summary>
/// <param name="Trees">Damaged trees.</param>
/// <param name="Runs">Command runs over them.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Failures">Failure site → the first failure seen there.</param>
public sealed record TreeFuzzSummary(int Trees, int Runs, TimeSpan Elapsed, IReadOnlyDictionary<string, string> Failures);
