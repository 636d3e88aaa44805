rootProject.name = "inventory"

include("services:api", "services:gateway")
include("libs:domain")
