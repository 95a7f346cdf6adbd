using System.Diagnostics;
using System.Text;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A started process's standard output and error, interleaved as they arrive, for the message of a failed assertion. Reading
/// it (<see cref="ToString"/>) while the process still writes is safe.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    private ProcessOutput()
    {
    }

    /// <summary>Starts reading both redirected streams of <paramref name="process"/> (already started).</summary>
    public static ProcessOutput Capture(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return; // the end of a stream
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
