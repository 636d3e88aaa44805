var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var connection = builder.Configuration["INVENTORY_DB_CONNECTION"];
var app = builder.Build();
app.MapHealthChecks("/healthz");
app.MapGet("/items", () => Environment.GetEnvironmentVariable("WAREHOUSE_CODE") ?? "none");
app.Run();
