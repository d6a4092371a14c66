namespace HostDoc.Explain;

/// <summary>
/// One explanation from hostdoc's knowledge files (<c>Explain/Knowledge/*.topic</c>): an error (or rsync exit code) as
/// one system call (or any, <c>*</c>) meets it, with what the kernel checks and where, the usual causes in order, the
/// live probes that tell which of them holds, and advice.
/// </summary>
/// <param name="Key">What is explained: an errno name (<c>EEXIST</c>), <c>rsync-30</c>, <c>vcpu</c>.</param>
/// <param name="Call">The system call or context (<c>mkdir</c>, <c>umount</c>), or <c>*</c> for any.</param>
/// <param name="Summary">One line.</param>
/// <param name="Why">How the kernel (or program) comes to say it.</param>
/// <param name="Sources">Where that is written: kernel file and function, rsync source file, man page.</param>
/// <param name="Causes">The common real causes, most frequent first.</param>
/// <param name="Probes">The names of the live checks that tell which cause holds here (see <see cref="Probes.ProbeCatalog"/>).</param>
/// <param name="Advice">What to do.</param>
/// <param name="Topic">The knowledge file it came from.</param>
public sealed record KnowledgeEntry(
    string Key, string Call, string Summary, string Why, IReadOnlyList<string> Sources, IReadOnlyList<string> Causes,
    IReadOnlyList<string> Probes, string Advice, string Topic);
