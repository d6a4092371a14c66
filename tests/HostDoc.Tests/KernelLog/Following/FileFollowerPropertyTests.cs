using System.Text;
using CsCheck;
using HostDoc.KernelLog.Following;
using Xunit;

namespace HostDoc.Tests.KernelLog.Following;

/// <summary>
/// The property check_logfiles lacks: over thousands of random sequences of appends (whole and torn
/// lines), rotations of every kind (rename numbered or dateext, with and without create, the writer
/// reopening late; copytruncate), delayed compression and several rotations between two runs, the
/// lines the follower hands over across all runs are exactly the lines written: none lost, none twice,
/// in order.
/// </summary>
public sealed class FileFollowerPropertyTests
{
    private enum Step { Append, AppendMany, Torn, Rename, RenameCreate, DateExt, CopyTruncate, Compress, Reopen, Run }

    private static readonly Gen<Step[]> Steps = Gen.Enum<Step>().Array[1, 40];

    [Fact]
    public void Every_line_is_read_exactly_once_whatever_the_rotations() =>
        Gen.Select(Steps, Gen.Int[0, 2]).Sample((steps, scheme) =>
        {
            var dir = Directory.CreateTempSubdirectory("hostdoc-test-follow-").FullName;
            try
            {
                using var log = new RotatingLog(dir);
                var reader = new Reader(log.Path);
                reader.Run();   // the first run: from here on, every line must arrive once
                foreach (var step in steps)
                {
                    Apply(log, step, scheme);
                    if (step == Step.Run)
                    {
                        reader.Run();
                        Assert.Equal(log.Written.Take(reader.Lines.Count), reader.Lines);
                    }
                }

                log.Append(1);   // finish a torn line
                log.Reopen();
                reader.Run();
                Assert.Equal(log.Written, reader.Lines);
                Assert.Null(reader.Lost);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }, iter: 2000, threads: 1);

    private static void Apply(RotatingLog log, Step step, int scheme)
    {
        switch (step)
        {
            case Step.Append: log.Append(1); break;
            case Step.AppendMany: log.Append(7); break;
            case Step.Torn: log.AppendTorn(); break;
            case Step.Rename when scheme == 0: log.RotateByRename(dateExt: false, create: false); break;
            case Step.RenameCreate when scheme == 0: log.RotateByRename(dateExt: false, create: true); break;
            case Step.DateExt when scheme == 2: log.RotateByRename(dateExt: true, create: true); break;
            case Step.CopyTruncate when scheme == 1: log.RotateByCopyTruncate(); break;
            case Step.Compress: log.CompressOne(); break;
            case Step.Reopen: log.Reopen(); break;
            default: break;
        }
    }

    /// <summary>What the check does with a log each run, minus the analysis: plan, read the segments, keep the position.</summary>
    private sealed class Reader(string path)
    {
        private FilePosition? position;

        public List<string> Lines { get; } = [];

        public string? Lost { get; private set; }

        public void Run()
        {
            using var plan = FileFollower.Plan(path, path, position, fromStart: true);
            Lost ??= plan.Lost;
            foreach (var segment in plan.Segments)
            {
                using var stream = FileFollower.Open(segment);
                using var text = new StreamReader(stream, Encoding.UTF8);
                while (text.ReadLine() is { } line)
                {
                    Lines.Add(line);
                }
            }

            position = plan.Next;
        }
    }
}
