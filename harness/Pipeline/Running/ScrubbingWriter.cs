using System.Text;

namespace PerfTests;

/// <summary>Test output with every registered secret masked (<see cref="Secrets"/>): a line is written whole, scrubbed.</summary>
internal sealed class ScrubbingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        lock (_line)
        {
            foreach (var c in value ?? string.Empty)
            {
                if (c == '\n')
                {
                    inner.WriteLine(Secrets.Scrub(_line.ToString().TrimEnd('\r')));
                    _line.Clear();
                }
                else
                {
                    _line.Append(c);
                }
            }
        }
    }

    // One call, one lock: lines written from several threads never interleave.
    public override void WriteLine(string? value) => Write(value + "\n");

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length > 0)
            {
                inner.Write(Secrets.Scrub(_line.ToString()));
                _line.Clear();
            }
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
