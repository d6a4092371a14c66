using HostDoc.Sources;

namespace HostDoc.Storage;

/// <summary>A device number as the kernel prints it, <c>major:minor</c> (e.g. <c>8:80</c>, <c>0:42</c> for anonymous devices).</summary>
/// <param name="Major">The major number (driver).</param>
/// <param name="Minor">The minor number (instance).</param>
public readonly record struct DeviceNumber(uint Major, uint Minor)
{
    /// <summary>Parses <c>major:minor</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DeviceNumber device)
    {
        device = default;
        var colon = text.IndexOf(':');
        if (colon <= 0
            || !KernelNumber.TryParseUnsigned(text[..colon], out var major) || major > uint.MaxValue
            || !KernelNumber.TryParseUnsigned(text[(colon + 1)..], out var minor) || minor > uint.MaxValue)
        {
            return false;
        }

        device = new DeviceNumber((uint)major, (uint)minor);
        return true;
    }

    /// <summary>True for anonymous devices (major 0): tmpfs, proc, NFS, overlay, btrfs subvolumes.</summary>
    public bool IsAnonymous => Major == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Major}:{Minor}";
}
