using HostDoc.Cli.CommandLine;
using HostDoc.KernelLog.Decoders;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc decode ata 'cmd …' ['res …']</c> and <c>hostdoc decode scsi-result 0x…</c>.</summary>
internal static class DecodeAtaCommand
{
    public static int Ata(CliContext context, DecodeAtaInvocation invocation)
    {
        if (AtaTaskfile.Find(invocation.Command) is not { } command)
        {
            context.Error.Write("hostdoc decode ata: no taskfile (CC/FF:NN:L0:L1:L2/HF:HN:L3:L4:L5/DD) in the cmd argument\n");
            return ExitCodes.Usage;
        }

        var result = invocation.Result is { } r ? AtaTaskfile.Find(r) : null;
        AtaTaskfileWriter.Write(context.Out, command, result, invocation.Result);
        return ExitCodes.Ok;
    }

    public static int ScsiResultCode(CliContext context, DecodeScsiResultInvocation invocation)
    {
        foreach (var line in ScsiResult.Describe(invocation.Result))
        {
            context.Out.Write(line + "\n");
        }

        return ExitCodes.Ok;
    }
}
