namespace HostDoc.Metrics.Collectors;

/// <summary>
/// node_exporter's textfile collector: every <c>*.prom</c> file in <c>--collector.textfile.directory</c>
/// (cron jobs' and scripts' own series), merged by family; node_textfile_mtime_seconds{file} for each
/// file read, node_textfile_scrape_error 1 when any could not be. A malformed file (or one with client
/// timestamps, which node_exporter refuses) is left out whole and named in
/// hostdoc_textfile_error{file,error} — the scrape goes on. As client_golang does, a family's samples all
/// carry the union of its label names (absent ones empty), sorted by name; a series given twice, or a
/// family whose type differs between files, is kept from the first file only. A family without HELP
/// is described as read from its files.
/// </summary>
public static class TextfileCollector
{
    /// <summary>The operator's families, then the textfile collector's own.</summary>
    public static IEnumerable<MetricFamily> Collect(CollectorContext context)
    {
        var errors = new List<(string File, string Error)>();
        var mtimes = new List<MetricSample>();
        var merged = new Dictionary<string, (MetricFamily Family, List<string> Files, List<MetricSample> Samples, HashSet<string> Keys)>(StringComparer.Ordinal);
        var order = new List<string>();
        if (context.Options.TextfileDirectory is { } dir)
        {
            string[] files;
            try
            {
                files = Directory.GetFiles(dir, "*.prom").Order(StringComparer.Ordinal).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                files = [];
                errors.Add((dir, e.Message));
            }

            foreach (var file in files)
            {
                Read(file, errors, mtimes, merged, order);
            }
        }

        if (errors.Count > 0)
        {
            context.Degrade();
        }

        var families = order.Select(name =>
        {
            var (family, files, samples, _) = merged[name];
            var help = family.Help.Length > 0 ? family.Help : $"Metric read from {string.Join(", ", files)}";
            return family with { Help = help, Samples = Complete(samples) };
        }).ToList();
        families.Add(new("node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.", MetricType.Gauge, mtimes));
        families.Add(new("node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise", MetricType.Gauge, [MetricSample.Of(errors.Count > 0 ? 1 : 0)]));
        families.Add(new("hostdoc_textfile_error", "A textfile (or the directory) hostdoc could not use, and why; its series are missing.", MetricType.Gauge,
            errors.Select(e => MetricSample.Of(1, ("error", e.Error), ("file", e.File))).ToArray()));
        return families;
    }

    private static void Read(string file, List<(string, string)> errors, List<MetricSample> mtimes,
        Dictionary<string, (MetricFamily Family, List<string> Files, List<MetricSample> Samples, HashSet<string> Keys)> merged, List<string> order)
    {
        // The operator's own directory, not the host tree's: read where it is, through the same bounded reader.
        var read = HostRoot.Live.ReadText(file, 4 * 1024 * 1024);
        if (read.Value is not { } text)
        {
            errors.Add((file, string.Join("; ", read.Problems)));
            return;
        }

        var modified = File.GetLastWriteTimeUtc(file);

        var (families, stamped, error) = TextExposition.Parse(text);
        if (error is not null || stamped)
        {
            errors.Add((file, error ?? "client-side timestamps are not supported; the file is skipped"));
            return;
        }

        foreach (var family in families)
        {
            if (!merged.TryGetValue(family.Name, out var entry))
            {
                merged[family.Name] = entry = (family, [], [], new HashSet<string>(StringComparer.Ordinal));
                order.Add(family.Name);
            }
            else if (entry.Family.Type != family.Type)
            {
                errors.Add((file, $"{family.Name} is a {family.Type.ToString().ToLowerInvariant()} here but a {entry.Family.Type.ToString().ToLowerInvariant()} in {entry.Files[0]}"));
                continue;
            }

            entry.Files.Add(file);
            foreach (var sample in family.Samples)
            {
                var key = sample.Suffix + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
                if (entry.Keys.Add(key))
                {
                    entry.Samples.Add(sample);
                }
                else
                {
                    errors.Add((file, $"{family.Name}{sample.Suffix} with the same labels was read before"));
                }
            }
        }

        mtimes.Add(MetricSample.Of(Math.Floor((modified - DateTime.UnixEpoch).TotalSeconds), ("file", file)));
    }

    /// <summary>Every sample with the family's label names, absent ones empty, sorted by name (le and quantile last, as exposition puts them).</summary>
    private static MetricSample[] Complete(List<MetricSample> samples)
    {
        var names = samples.SelectMany(s => s.Labels.Select(l => l.Key)).Distinct(StringComparer.Ordinal).ToArray();
        return samples.Select(s =>
        {
            var labels = names.Select(n => KeyValuePair.Create(n, s.Labels.FirstOrDefault(l => l.Key == n).Value ?? ""))
                .Where(l => !(l.Key is "le" or "quantile") || s.Labels.Any(x => x.Key == l.Key))
                .OrderBy(l => l.Key is "le" or "quantile" ? 1 : 0).ThenBy(l => l.Key, StringComparer.Ordinal).ToArray();
            return s with { Labels = labels };
        }).ToArray();
    }
}
