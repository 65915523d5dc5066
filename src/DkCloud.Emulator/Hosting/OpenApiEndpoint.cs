using System.Threading.Tasks;
using DkCloud.Emulator.Core;
using Microsoft.AspNetCore.Http;

namespace DkCloud.Emulator.Hosting;

/// <summary><c>POST /gw2/dky-open-api/version-2.0.0/placecall?projectId=&amp;timestamp=&amp;sign=</c> (document 7.2.3).</summary>
internal sealed class OpenApiEndpoint
{
    public const string PlaceCallPath = "/gw2/dky-open-api/version-2.0.0/placecall";

    private readonly EmulatorCore _core;

    public OpenApiEndpoint(EmulatorCore core) => _core = core;

    public async Task PlaceCallAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var body = await HttpJson.ReadObjectAsync(context).ConfigureAwait(false);
        var result = _core.OpenApiPlaceCall(query["projectId"], query["timestamp"], query["sign"], body);
        await HttpJson.WriteAsync(context, StatusCodes.Status200OK, result).ConfigureAwait(false);
    }
}
