using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>The console softphone sample as a process against the rig.</summary>
[Collection(InteropCollection.Name)]
[Trait("Category", "Interop")]
public sealed class SoftphoneSampleInteropTests
{
    private readonly InteropRig _rig;
    private readonly ITestOutputHelper _output;

    public SoftphoneSampleInteropTests(InteropRig rig, ITestOutputHelper output)
    {
        _rig = rig;
        _output = output;
    }

    [Fact]
    public async Task Sample_calls_9000_for_3_seconds_exits_0_and_reports_hearing_1000_Hz()
    {
        string sample = InteropProcess.SampleAssembly(_rig);
        Assert.True(File.Exists(sample), sample + " was not built");
        string record = Path.Combine(Path.GetTempPath(), "dk-softphone-sample-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            (int exitCode, string output) = await InteropProcess.RunAsync(
                "dotnet",
                [sample, "--ws", _rig.WebSocketUri.ToString(), "--user", "1009", "--password", "pass1009", "--domain", _rig.Domain,
                    "--call", "9000", "--seconds", "3", "--record", record],
                _rig.Folder,
                TimeSpan.FromSeconds(60));

            _output.WriteLine(output);
            Assert.True(exitCode == 0, "exit " + exitCode + ":\n" + output);
            Match heard = Regex.Match(output, @"HEARD_HZ=(\d+)");
            Assert.True(heard.Success, output);
            Assert.InRange(int.Parse(heard.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 980, 1020);
            Assert.Contains("SIP registered", output, StringComparison.Ordinal);
            Assert.Contains("ICE selected pair", output, StringComparison.Ordinal);
            Assert.Contains("DTLS connected", output, StringComparison.Ordinal);
            Assert.Contains("RESULT ok", output, StringComparison.Ordinal);
            Assert.True(new FileInfo(record).Length > 44 + (2 * 8000 * 2), "the recording holds less than 2 s");
        }
        finally
        {
            File.Delete(record);
        }
    }
}
