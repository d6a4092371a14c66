using System.Diagnostics;
using Xunit;

namespace HostDoc.Tests.Explain;

/// <summary>
/// rsync's io timeout for real: Debian's rsync pushes to a local rsync --daemon (127.0.0.1, a port of the test's own,
/// a module in a temporary directory) that the test stops mid-transfer with SIGSTOP; with --timeout 2 the client gives
/// up with code 30. hostdoc explains that exit code with the client's own lines, and reads the same lines, as
/// syslog would carry them, as one incident.
/// </summary>
public sealed class RsyncLiveTests
{
    private const string Script = """
        set -u
        d=$(mktemp -d /tmp/hostdoc-rsync-test.XXXXXX)
        mkdir "$d/module"
        truncate -s 200M "$d/big"
        port=$((20000 + RANDOM % 20000))
        printf 'pid file = %s\nuse chroot = no\n[m]\npath = %s\nread only = no\n' "$d/rsyncd.pid" "$d/module" > "$d/rsyncd.conf"
        "$RSYNC" --daemon --no-detach --address=127.0.0.1 --port=$port --config="$d/rsyncd.conf" --log-file="$d/rsyncd.log" & daemon=$!
        for i in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
        "$RSYNC" --timeout=2 --bwlimit=2000 "$d/big" "rsync://127.0.0.1:$port/m/copy" 2>"$d/client.err" & client=$!
        sleep 1.5
        stopped=$(pgrep -P $daemon); stopped="$stopped $(for c in $stopped; do pgrep -P $c; done)"
        kill -STOP $stopped
        wait $client; code=$?
        kill -CONT $stopped; kill $stopped $daemon 2>/dev/null; wait $daemon 2>/dev/null
        echo "=== exit $code"; cat "$d/client.err"
        echo "=== explain"; args=(); while IFS= read -r line; do args+=(--message "$line"); done < "$d/client.err"
        dotnet "$CLI" explain rsync "$code" "${args[@]}"
        echo "=== logs"; sed "s/^/Dec  2 04:00:05 backup01 rsync[$client]: /" "$d/client.err" > "$d/syslog"
        dotnet "$CLI" logs --format json "$d/syslog"
        rm -rf "$d"
        """;

    [Fact]
    public void A_stopped_daemon_gives_exit_30_and_hostdoc_explains_it()
    {
        var start = new ProcessStartInfo("bash", ["-c", Script]) { RedirectStandardOutput = true };
        start.Environment["CLI"] = Path.Combine(AppContext.BaseDirectory, "hostdoc.dll");
        start.Environment["RSYNC"] = DebianOracle.Require("rsync", "rsync");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), output);
        var parts = output.Split("=== ", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(parts.Length == 3, output);

        // What rsync itself did: exit 30, after an io timeout of the sender.
        Assert.StartsWith("exit 30\n", parts[0]);
        Assert.Contains("io timeout after", parts[0]);
        Assert.Contains("(code 30)", parts[0]);

        var explain = System.Text.RegularExpressions.Regex.Replace(parts[1], @"\s+", " ");
        Assert.Contains("rsync exit 30: timeout in data send/receive (sender", explain);
        Assert.Contains("sender saw neither a read nor a write for", explain);
        Assert.Contains("check_timeout()", explain);

        using var json = System.Text.Json.JsonDocument.Parse(parts[2][(parts[2].IndexOf('\n') + 1)..]);
        var incident = Assert.Single(json.RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal("log.rsync-failed", incident.GetProperty("id").GetString());
        Assert.Equal(30, incident.GetProperty("data").GetProperty("exit_code").GetInt32());
        Assert.Equal("sender", incident.GetProperty("data").GetProperty("rsync_role").GetString());
    }
}
