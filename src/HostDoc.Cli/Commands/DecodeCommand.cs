using HostDoc.Cli.CommandLine;
using HostDoc.KernelLog.Decoders;
using HostDoc.Output;

namespace HostDoc.Cli.Commands;

/// <summary><c>hostdoc decode sense HEX…</c>: the SCSI sense decoder on its own.</summary>
internal static class DecodeCommand
{
    public static int Run(CliContext context, DecodeSenseInvocation invocation)
    {
        if (SenseData.Decode(invocation.Bytes) is not { } sense)
        {
            context.Error.Write($"hostdoc decode sense: response code 0x{invocation.Bytes[0]:x2} is not sense data (expected 0x70-0x73, or 0xf0-0xf3 with VALID)\n");
            return ExitCodes.Usage;
        }

        SenseWriter.Write(context.Out, sense, AscAscqTable.Load());
        return ExitCodes.Ok;
    }
}
