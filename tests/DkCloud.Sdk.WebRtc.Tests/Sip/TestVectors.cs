using System;
using System.IO;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

internal static class TestVectors
{
    public static byte[] Read(string relativePath)
        => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", relativePath));

    public static byte[] Rfc4475(string file) => Read(Path.Combine("rfc4475", file));
}
