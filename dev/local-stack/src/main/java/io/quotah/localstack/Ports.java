package io.quotah.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a port is free, answered before anything is started so nobody fights over one. */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws StackException naming the port, who wanted it and the setting that moves it */
    static void requireFree(int port, String wantedBy, String setting) {
        if (!isFree(port)) {
            throw new StackException("Port " + port + " is already taken by another program, and " + wantedBy
                    + " needs it. Stop that program, or move " + wantedBy + " elsewhere: " + setting
                    + "=<free port> ./quotah up");
        }
    }
}
