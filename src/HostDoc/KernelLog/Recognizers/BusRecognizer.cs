using HostDoc.Findings;
using HostDoc.KernelLog.Events;
using HostDoc.KernelLog.Reading;

namespace HostDoc.KernelLog.Recognizers;

/// <summary>
/// Storage on removable buses: USB devices that are reset, fail to enumerate or disconnect
/// (<c>usb 2-1: reset high-speed USB device number 3 using ehci-pci</c>, <c>device descriptor read/64, error -71</c>,
/// <c>USB disconnect, device number 5</c>), and MMC/SD cards and their host controllers
/// (<c>mmc0: Timeout waiting for hardware interrupt.</c>, <c>mmcblk0: error -110 sending status command, retrying</c>,
/// <c>mmcblk0: recovery failed!</c>, <c>mmc0: card 0001 removed</c>). A USB stick's or SD card's failed requests
/// themselves are the SCSI and block-layer lines the other recognizers read.
/// </summary>
public sealed class BusRecognizer : ILineRecognizer
{
    /// <inheritdoc/>
    public IEnumerable<LogAnchor> Anchors => [new LogAnchor("usb ", NumberedWord: true), "mmc"];   // mmc0:, mmcblk0:

    /// <inheritdoc/>
    public bool Recognize(LogLine line, LogLine? previous, IEventSink sink)
    {
        var m = line.Message;
        var colon = m.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        if (m.StartsWith("usb ", StringComparison.Ordinal))
        {
            var port = m[4..colon];
            var text = m[(colon + 2)..];
            var action = text switch
            {
                _ when text.StartsWith("reset ", StringComparison.Ordinal) && text.Contains("USB device", StringComparison.Ordinal) => "reset",
                _ when text.StartsWith("USB disconnect", StringComparison.Ordinal) => "disconnect",
                _ when text.StartsWith("device descriptor read", StringComparison.Ordinal) || text.StartsWith("device not accepting address", StringComparison.Ordinal)
                    || text.StartsWith("unable to enumerate", StringComparison.Ordinal) || text.StartsWith("can't set config", StringComparison.Ordinal) => "enumeration-failed",
                _ => null,
            };
            return action is not null && Emit(SystemEventKind.UsbTrouble, $"usb {port}", action, text, new FindingData().Set("usb_port", port));
        }

        if (m.StartsWith("mmc", StringComparison.Ordinal))
        {
            var device = m[..colon];
            var text = m[(colon + 2)..];
            var action = text switch
            {
                _ when text.StartsWith("Timeout waiting for hardware", StringComparison.Ordinal) => "timeout",
                _ when text.StartsWith("error ", StringComparison.Ordinal) && (text.Contains(" sending ", StringComparison.Ordinal) || text.Contains(" transferring data", StringComparison.Ordinal)
                    || text.Contains("whilst initialising", StringComparison.Ordinal)) => "error",
                _ when text.StartsWith("recovery failed", StringComparison.Ordinal) => "recovery-failed",
                _ when text.StartsWith("card ", StringComparison.Ordinal) && text.EndsWith(" removed", StringComparison.Ordinal) => "removed",
                _ when text.Contains("tuning execution failed", StringComparison.Ordinal) => "tuning-failed",
                _ => null,
            };
            var card = device.StartsWith("mmcblk", StringComparison.Ordinal);   // mmcblkN's number is not its host's mmcN: the two stay apart
            var data = new FindingData().Set(card ? "disk" : "mmc_host", device)
                .Set("errno", MessageText.WholeNumber(MessageText.WordAfter(text, "error "), allowMinus: true));
            return action is not null && Emit(SystemEventKind.MmcTrouble, device, action, text, data);
        }

        return false;

        bool Emit(SystemEventKind kind, string subject, string action, string text, FindingData data)
        {
            data.Set("action", action);
            sink.Emit(new SystemEvent(line, kind, subject, text.TrimEnd('.', '!'), data.Fields));
            return true;
        }
    }
}
