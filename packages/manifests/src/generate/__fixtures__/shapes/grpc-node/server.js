const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { HealthImplementation } = require('grpc-health-check');

const definition = protoLoader.loadSync(`${__dirname}/proto/recommendations.proto`);
const proto = grpc.loadPackageDefinition(definition).recommendations;
const catalog = process.env.PRODUCT_CATALOG_ADDR;

const server = new grpc.Server();
server.addService(proto.Recommendations.service, {
  list: (_call, callback) => callback(null, { productIds: catalog ? [] : ['sample'] }),
});
new HealthImplementation({ '': 'SERVING' }).addToServer(server);
server.bindAsync('0.0.0.0:8081', grpc.ServerCredentials.createInsecure(), () => {
  console.log('recommendations on 8081');
});
