namespace HostDoc.Checks;

/// <summary>Every check hostdoc has, registered explicitly in one place (no reflection scanning).</summary>
public sealed class CheckCatalog
{
    /// <summary>Creates the catalog of all built-in checks, in report order.</summary>
    public CheckCatalog() => All = [new MemoryCheck(), new WritebackCheck(), new DiskCheck(), new StuckCheck(), new IoCheck(), new RaidCheck(), new IrqCheck(), new CpusCheck(), new NetCheck(), new EnvCheck(), new KernelLogCheck()];

    /// <summary>All checks, in the order a report runs them.</summary>
    public IReadOnlyList<ICheck> All { get; }

    /// <summary>The check called <paramref name="name"/>, or null.</summary>
    public ICheck? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
