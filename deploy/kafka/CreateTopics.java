// Creates every topic in topics.json that the broker does not have yet; existing topics are left alone.
// Run as a single-file program on the broker's own classpath (Kafka's Admin client and Jackson are on it):
//   java -cp "<kafka libs>/*" deploy/kafka/CreateTopics.java <bootstrap> deploy/kafka/topics.json
// Java rather than Node so the same step works before any npm install and inside the compose kafka-init job.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

public class CreateTopics {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CreateTopics <bootstrap> <topics.json>");
      System.exit(2);
    }
    JsonNode spec = new ObjectMapper().readTree(new File(args[1]));
    short replication = (short) spec.path("defaults").path("replicationFactor").asInt(1);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (JsonNode topic : spec.path("topics")) {
        String name = topic.path("name").asText();
        if (existing.contains(name)) continue;
        missing.add(new NewTopic(name, topic.path("partitions").asInt(1), replication)
            .configs(Map.of("retention.ms", topic.path("retentionMs").asText("604800000"))));
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      System.err.println("[kafka] topics: " + missing.size() + " created, "
          + (spec.path("topics").size() - missing.size()) + " already there");
    }
  }
}
