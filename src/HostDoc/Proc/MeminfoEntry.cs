namespace HostDoc.Proc;

/// <summary>One line of /proc/meminfo, with the value converted to bytes when the kernel printed kB.</summary>
/// <param name="Name">The field name as the kernel prints it, e.g. <c>Active(file)</c>.</param>
/// <param name="Value">Bytes for fields printed in kB; a plain count otherwise (HugePages_Total).</param>
/// <param name="IsBytes">True when the kernel printed the field in kB.</param>
public readonly record struct MeminfoEntry(string Name, ulong Value, bool IsBytes);
