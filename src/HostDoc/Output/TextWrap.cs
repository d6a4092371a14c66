using System.Text;

namespace HostDoc.Output;

/// <summary>Word wrapping for terminal paragraphs.</summary>
public static class TextWrap
{
    /// <summary>Writes <paramref name="text"/> wrapped at <paramref name="width"/> columns, each line prefixed by <paramref name="indent"/>.</summary>
    public static void Write(TextWriter writer, string text, string indent, int width = 100)
    {
        var line = new StringBuilder(indent);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                writer.Write(line.Append('\n').ToString());
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > indent.Length)
        {
            writer.Write(line.Append('\n').ToString());
        }
    }
}
