import os
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2_grpc


def serve() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)
    server.add_insecure_port("[::]:50052")
    _ = os.environ.get("RECOMMENDER_MODEL_PATH")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
