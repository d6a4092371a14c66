using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HostDoc.KernelLog.Reading;

/// <summary>
/// One line of <c>journalctl -o json</c>: <c>MESSAGE</c> (a string, or an array of bytes when it is
/// not UTF-8), <c>__REALTIME_TIMESTAMP</c> and <c>__MONOTONIC_TIMESTAMP</c> (µs, as strings),
/// <c>PRIORITY</c>, <c>_BOOT_ID</c>, <c>_TRANSPORT</c>/<c>SYSLOG_IDENTIFIER</c> (kernel or not),
/// <c>_HOSTNAME</c>. Read with a forward-only reader; a malformed line is null.
/// </summary>
public static class JournalJsonLine
{
    /// <summary>Parses one JSON object line; null when it is not one.</summary>
    public static LogEnvelope? Parse(ReadOnlySpan<char> line)
    {
        var bytes = Encoding.UTF8.GetBytes(line.ToArray());
        string? message = null, boot = null, host = null, transport = null, identifier = null;
        long realtime = -1, monotonic = -1;
        var level = -1;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    return null;
                }

                switch (name)
                {
                    case "MESSAGE": message = ReadMessage(ref reader); break;
                    case "__REALTIME_TIMESTAMP": realtime = ReadNumber(ref reader); break;
                    case "__MONOTONIC_TIMESTAMP": monotonic = ReadNumber(ref reader); break;
                    case "PRIORITY": level = ReadNumber(ref reader) is var p and >= 0 and <= 7 ? (int)p : -1; break;
                    case "_BOOT_ID": boot = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                    case "_HOSTNAME": host = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                    case "_TRANSPORT": transport = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                    case "SYSLOG_IDENTIFIER": identifier = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (message is null)
        {
            return null;
        }

        // __REALTIME_TIMESTAMP is microseconds since the epoch; past year 9999 it is damage, not a time.
        DateTime? wall = realtime >= 0 && realtime <= (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / 10 ? DateTime.UnixEpoch.AddTicks(realtime * 10) : null;
        var isKernel = transport == "kernel" || identifier == "kernel" || (transport is null && identifier is null);
        return new LogEnvelope(wall, wall is not null, monotonic >= 0 ? monotonic / 1e6 : null, level, host, isKernel,
            LogMarker.None, LogEnvelopeParser.SplitTorn(message), boot, wall is null ? null : TimeSpan.Zero);
    }

    private static string? ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var bytes = new List<byte>();
        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
        {
            bytes.Add(reader.TryGetByte(out var b) ? b : (byte)'?');
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static long ReadNumber(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.String => long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1,
            JsonTokenType.Number => reader.TryGetInt64(out var n) ? n : -1,
            _ => -1,
        };
}
