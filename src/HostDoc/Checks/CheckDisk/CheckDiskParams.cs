namespace HostDoc.Checks.CheckDisk;

/// <summary>The selected paths in selection order, found by name in constant time (check_disk searches a list: quadratic with -A).</summary>
internal sealed class CheckDiskParams
{
    private readonly List<CheckDiskParam> _ordered = [];
    private readonly Dictionary<string, CheckDiskParam> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<CheckDiskParam> All => _ordered;

    public CheckDiskParam? Find(string name) => _byName.GetValueOrDefault(name);

    public void Add(CheckDiskParam param)
    {
        _ordered.Add(param);
        _byName[param.Name] = param;
    }

    public void RemoveWhere(Func<CheckDiskParam, bool> predicate)
    {
        foreach (var param in _ordered.Where(predicate).ToArray())
        {
            _byName.Remove(param.Name);
        }

        _ordered.RemoveAll(p => !_byName.ContainsKey(p.Name));
    }
}
