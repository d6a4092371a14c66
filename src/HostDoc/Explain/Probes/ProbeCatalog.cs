namespace HostDoc.Explain.Probes;

/// <summary>Every live probe, by the name the knowledge files give it (registered here, never discovered).</summary>
public static class ProbeCatalog
{
    /// <summary>The probes.</summary>
    public static IReadOnlyList<IProbe> All { get; } =
        [new PathKindProbe(), new SpaceProbe(), new InotifyProbe(), new CpusetProbe(), new BusyMountProbe(), new ReadOnlyProbe(), new TmpfsRemountProbe(), new OpenFilesProbe()];

    /// <summary>The probe called <paramref name="name"/>, or null.</summary>
    public static IProbe? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
