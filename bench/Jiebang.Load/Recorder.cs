using System.Collections.Concurrent;
using System.Diagnostics;

namespace Jiebang.Load;

/// <summary>Latencies and errors by request type.</summary>
public sealed class Recorder
{
    readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    readonly ConcurrentDictionary<string, int> _errors = new();
    public ConcurrentQueue<string> ErrorSamples { get; } = new();

    /// <summary>Times a request; a response other than <paramref name="expected"/> or an exception counts as an error.</summary>
    public async Task<HttpResponseMessage?> TimeAsync(string type, Func<Task<HttpResponseMessage>> send, params int[] expected)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await send();
            _latencies.GetOrAdd(type, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (expected.Contains((int)response.StatusCode)) return response;
            Error(type, $"{(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
            return null;
        }
        catch (Exception e)
        {
            _latencies.GetOrAdd(type, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Error(type, e.GetType().Name + ": " + Shorten(e.Message));
            return null;
        }
    }

    public void Error(string type, string message)
    {
        _errors.AddOrUpdate(type, 1, (_, n) => n + 1);
        if (ErrorSamples.Count < 20) ErrorSamples.Enqueue($"{type}: {message}");
    }

    public int Errors => _errors.Values.Sum();

    public IEnumerable<(string Type, int Count, double P50, double P99, double Max, int Errors)> Summary() =>
        _latencies.OrderBy(p => p.Key).Select(p =>
        {
            var sorted = p.Value.Order().ToArray();
            return (p.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], _errors.GetValueOrDefault(p.Key));
        });

    static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
