namespace HostDoc.Cli.Commands;

/// <summary>
/// Exit codes of the commands other than <c>check</c> (which uses the plugin codes 0–3):
/// 0 done, 1 done but a source it needed could not be read, 2 usage error, 70 internal error (a bug).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int SourceProblem = 1;
    public const int Usage = 2;
    public const int InternalError = 70;   // EX_SOFTWARE (sysexits.h)
}
