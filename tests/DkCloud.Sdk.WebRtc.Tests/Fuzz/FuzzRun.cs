using System;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>
/// Runs a property over random and mutated inputs. CsCheck prints the seed of a failing (shrunk) case; replay it with
/// the environment variable <c>CsCheck_Seed</c>. A second, fully deterministic pass mutates every sample with fixed
/// 32-bit seeds, so a failure there names its sample and seed. One thread: the properties share parser state (SRTP contexts). The whole run must end within <see cref="Deadline"/>
/// (inputs are bounded, so a hang is a bug).
/// </summary>
internal static class FuzzRun
{
    public const int Iterations = 4000;
    public const int FixedSeeds = 1500;
    public const int MaxLength = 2048;
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Random bytes, then mutations of <paramref name="samples"/>, each through <paramref name="property"/>.</summary>
    public static void Bytes(byte[][] samples, Action<byte[]> property, int maxLength = MaxLength)
    {
        Task run = Task.Run(() =>
        {
            Gen.Byte.Array[0, maxLength].Sample(property, iter: Iterations, threads: 1);
            Gen.Select(Gen.Int[0, samples.Length - 1], Gen.Int)
                .Select(t => Mutator.Mutate(samples[t.Item1], t.Item2, maxLength))
                .Sample(property, iter: Iterations, threads: 1);
            for (int sample = 0; sample < samples.Length; sample++)
            {
                for (int seed = 0; seed < FixedSeeds / samples.Length + 1; seed++)
                {
                    byte[] input = Mutator.Mutate(samples[sample], seed, maxLength);
                    try
                    {
                        property(input);
                    }
                    catch (Exception e)
                    {
                        throw new InvalidOperationException("Sample " + sample + ", mutation seed " + seed + ": " + Convert.ToHexString(input), e);
                    }
                }
            }
        });
        Assert.True(run.Wait(Deadline), "The fuzz run did not finish within " + Deadline + ".");
        run.GetAwaiter().GetResult();
    }
}
