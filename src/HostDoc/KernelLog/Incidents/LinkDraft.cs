using HostDoc.Findings;
using HostDoc.KernelLog.Decoders;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Incidents;

/// <summary>
/// Trouble on one ATA link that is not the platters: interface CRC and bus errors, timeouts, SError
/// PHY bits, resets, link down, speed limiting, a device libata gave up on.
/// </summary>
internal sealed class LinkDraft(LogLine first, string port) : IncidentDraft(first)
{
    private readonly Dictionary<string, int> counts = [];

    public string Port { get; } = port;

    public void Take(AtaLinkEvent e)
    {
        switch (e.Action)
        {
            case AtaLinkAction.Exception:
                Occurred(e.Line);
                if (e.SError != 0)
                {
                    Count("SError");
                }

                foreach (var (name, _) in AtaNames.Emask(e.Emask & ~0x400))
                {
                    Count(name);
                }

                break;
            case AtaLinkAction.SError:
                Saw(e.Line);
                Fact("SError bits", e.Detail[(e.Detail.IndexOf('{') + 1)..].Trim('}', ' '));
                break;
            case AtaLinkAction.Recovered:
                Saw(e.Line);
                Count("recovered");
                break;
            default:
                Occurred(e.Line);
                Count(e.Action.ToString());
                if (e.Action is AtaLinkAction.SpeedLimited or AtaLinkAction.LinkUp)
                {
                    Fact(e.Action == AtaLinkAction.SpeedLimited ? "speed limited" : "link", e.Detail);
                }

                break;
        }
    }

    public void Take(AtaCommandError e)
    {
        Occurred(e.Line);
        foreach (var (name, _) in AtaNames.Emask(e.Emask & ~0x400))
        {
            Count(name);
        }

        if ((e.Error & 0x80) != 0)
        {
            Count("ICRC");
        }

        Fact("failed command", $"{AtaNames.Command(e.Opcode)}: status {AtaNames.Status(e.Status)}, error {(e.Error == 0 ? "none" : AtaNames.Error(e.Error))}, Emask 0x{e.Emask:x}");
    }

    private void Count(string what) => counts[what] = counts.GetValueOrDefault(what) + 1;

    public override Incident Build(DeviceNames names)
    {
        var disabled = counts.ContainsKey(nameof(AtaLinkAction.Disabled)) || counts.ContainsKey(nameof(AtaLinkAction.ResetFailed));
        var what = string.Join(", ", counts.Where(c => c.Key != "recovered").OrderByDescending(c => c.Value).Select(c => $"{Label(c.Key)} ×{c.Value}"));
        var address = names.AddressOf(Port + ".00");
        var disk = names.DiskOf(address);
        var chain = new[] { Port, address, disk }.OfType<string>().ToArray();
        DeviceFields.Add(Data, Port, address, disk, null);
        Data.Set("disabled", disabled);
        Data.Set("counts", new DataCounts(counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(Label(c.Key), (long)c.Value)).ToArray()));
        return Make("ata-link", "log.ata-link-error", disabled ? Severity.Critical : Severity.Warning, disk is null ? Port : $"{Port} ({disk})",
            $"{Port}{(disk is null ? "" : $" ({disk})")}: link trouble {IncidentText.Times(Occurrences)} between {FirstSeen} and {LastSeen}: {what}"
                + (disabled ? "; libata gave up on the device" : counts.ContainsKey("recovered") ? "; error handling recovered each time" : ""),
            "These errors are on the connection between controller and drive — interface CRC and bus errors, timeouts, SATA PHY error bits, link resets — "
                + "not on the platters. libata resets the link and lowers its speed to recover; each episode stalls I/O for seconds, and a link that keeps failing ends with the device disabled.",
            "Reseat or replace the SATA cable, try another port or backplane slot, check the power supply and connectors; compare SMART UDMA_CRC_Error_Count before and after. "
                + "If errors continue on a known-good cable and port, the drive's interface is failing.",
            chain);
    }

    private static string Label(string key) => key switch
    {
        "ATA_BUS" => "ATA bus error",
        "HOST_BUS" => "host bus error",
        "TIMEOUT" => "timeout",
        "HSM" => "HSM violation",
        "DEV" => "device error",
        "MEDIA" => "media error",
        "SYSTEM" => "internal error",
        "ICRC" => "interface CRC error",
        nameof(AtaLinkAction.Reset) => "link reset",
        nameof(AtaLinkAction.LinkDown) => "link down",
        nameof(AtaLinkAction.LinkUp) => "link up",
        nameof(AtaLinkAction.SpeedLimited) => "speed limited",
        nameof(AtaLinkAction.ResetFailed) => "reset failed",
        nameof(AtaLinkAction.Disabled) => "device disabled",
        _ => key,
    };
}
