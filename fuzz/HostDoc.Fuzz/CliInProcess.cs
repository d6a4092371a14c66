namespace HostDoc.Fuzz;

/// <summary>The whole <c>hostdoc</c> command line run in this process, output discarded; its exit code is returned.</summary>
public static class CliInProcess
{
    /// <summary>Runs <paramref name="args"/> as <c>hostdoc</c> would, with no terminal and no environment.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter? stdout = null, TextWriter? stderr = null) =>
        Cli.Program.Run(args, stdout ?? TextWriter.Null, stderr ?? TextWriter.Null, stdoutIsTerminal: false, _ => null, TimeProvider.System);
}
