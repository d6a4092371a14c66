namespace HostDoc.Cli.CommandLine;

/// <summary>Walks the argument list: <c>--name value</c>, <c>--name=value</c>, short flags and positionals.</summary>
internal sealed class ArgumentReader(IReadOnlyList<string> args)
{
    private int _index;
    private string? _inlineValue;

    public bool AtEnd => _index >= args.Count;

    /// <summary>The next argument, splitting <c>--name=value</c> so the value is returned by <see cref="TryTakeValue"/>.</summary>
    public string Take()
    {
        var arg = args[_index++];
        _inlineValue = null;
        if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq)
        {
            _inlineValue = arg[(eq + 1)..];
            return arg[..eq];
        }

        return arg;
    }

    /// <summary>The value of the option just taken (inline or the next argument).</summary>
    public bool TryTakeValue(out string value)
    {
        if (_inlineValue is { } inline)
        {
            _inlineValue = null;
            value = inline;
            return true;
        }

        if (_index < args.Count)
        {
            value = args[_index++];
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>True when the option just taken carried an inline value nobody consumed (e.g. <c>--bytes=1</c>).</summary>
    public bool HasUnusedInlineValue => _inlineValue is not null;
}
