using System.Runtime.InteropServices;
using HostDoc.Cli.CommandLine;

namespace HostDoc.Cli.Commands;

/// <summary>
/// <c>hostdoc serve …</c>: replaces this process (execv, same pid, so systemd's signals reach the
/// server) with <c>hostdoc-serve</c> from the same directory — the native binary, or in a build tree
/// <c>hostdoc-serve.dll</c> under the same dotnet. The server lives in its own executable so that no
/// other command pays for it at start-up.
/// </summary>
internal static partial class ServeCommand
{
    public static int Run(CliContext context, ServeInvocation invocation)
    {
        var dir = AppContext.BaseDirectory;
        var native = Path.Combine(dir, "hostdoc-serve");
        var dll = Path.Combine(dir, "hostdoc-serve.dll");
        var args = new List<string>(invocation.Args);
        if (invocation.Global.Root is { } root)
        {
            args.AddRange(["--root", Path.GetFullPath(root)]);
        }

        if (invocation.Global.Snapshot is { } snapshot)
        {
            args.AddRange(["--snapshot", Path.GetFullPath(snapshot)]);
        }

        string path;
        List<string> argv;
        if (File.Exists(native))
        {
            path = native;
            argv = ["hostdoc-serve", .. args];
        }
        else if (File.Exists(dll) && Environment.ProcessPath is { } dotnet && Path.GetFileNameWithoutExtension(dotnet) == "dotnet")
        {
            path = dotnet;
            argv = [dotnet, dll, .. args];
        }
        else
        {
            context.Error.Write($"hostdoc serve: hostdoc-serve is not installed next to hostdoc in {dir} (dotnet publish src/HostDoc.Serve -c Release -o the same directory)\n");
            return ExitCodes.SourceProblem;
        }

        context.Out.Flush();

        // argv as a NULL-terminated array of UTF-8 strings built here: the generated marshaller for string[]
        // does pointer arithmetic that the project's checked arithmetic turns into an OverflowException when
        // the native buffer sits at a high address.
        var pointers = new nint[argv.Count + 1];
        for (var i = 0; i < argv.Count; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
        }

        _ = execv(path, pointers);
        var errno = Marshal.GetLastPInvokeError();
        foreach (var p in pointers)
        {
            Marshal.FreeCoTaskMem(p);
        }

        context.Error.Write($"hostdoc serve: cannot start {path}: errno {errno}\n");
        return ExitCodes.SourceProblem;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execv(string path, nint[] argv);
}
