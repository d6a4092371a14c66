namespace HostDoc.Cpus;

/// <summary>One thread's allowed CPUs and memory nodes.</summary>
/// <param name="Tid">Thread id.</param>
/// <param name="Name">Thread name.</param>
/// <param name="Cpus">Cpus_allowed_list.</param>
/// <param name="Mems">Mems_allowed_list.</param>
public sealed record ThreadAffinity(int Tid, string Name, CpuList? Cpus, CpuList? Mems);
