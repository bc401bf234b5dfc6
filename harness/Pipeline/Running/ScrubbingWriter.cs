using System.Text;

namespace PerfTests;

/// <summary>Test output with every registered secret masked (<see cref="Secrets"/>): a line is written whole, scrubbed.</summary>
internal sealed class ScrubbingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
            {
                inner.WriteLine(Secrets.Scrub(_line.ToString().TrimEnd('\r')));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

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
