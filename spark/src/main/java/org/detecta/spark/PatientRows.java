package org.detecta.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detecta.batch.BatchRow;
import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;

/**
 * The Spark schemas batch scoring uses and the conversions to and from the core's records: patients in
 * ({@code patient_id, sex, age, observed, excluded}) and ranked rows out ({@link BatchRow#COLUMNS}).
 */
public final class PatientRows {
  public static final StructType PATIENTS = new StructType(new StructField[] {
      DataTypes.createStructField("patient_id", DataTypes.StringType, false),
      DataTypes.createStructField("sex", DataTypes.StringType, true),
      DataTypes.createStructField("age", DataTypes.DoubleType, true),
      DataTypes.createStructField("observed", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("excluded", DataTypes.createArrayType(DataTypes.StringType, false), true)});

  public static final StructType OUTPUT = new StructType(new StructField[] {
      DataTypes.createStructField("patient_id", DataTypes.StringType, false),
      DataTypes.createStructField("rank", DataTypes.IntegerType, false),
      DataTypes.createStructField("disease_id", DataTypes.StringType, false),
      DataTypes.createStructField("disease_name", DataTypes.StringType, false),
      DataTypes.createStructField("probability", DataTypes.DoubleType, false),
      DataTypes.createStructField("kind", DataTypes.StringType, false),
      DataTypes.createStructField("model", DataTypes.StringType, false),
      DataTypes.createStructField("version", DataTypes.IntegerType, false),
      DataTypes.createStructField("rare_flag", DataTypes.BooleanType, false)});

  private PatientRows() {
  }

  public static Row toRow(PatientCase p) {
    return RowFactory.create(p.id(), p.sex().name(), p.ageYears().orElse(null),
        p.observed().toArray(String[]::new), p.excluded().toArray(String[]::new));
  }

  public static PatientCase toPatient(Row row, String source) {
    List<String> observed = row.isNullAt(3) ? List.of() : row.getList(3);
    List<String> excluded = row.isNullAt(4) ? List.of() : row.getList(4);
    return new PatientCase(row.getString(0), source, Optional.empty(),
        row.isNullAt(1) ? Sex.UNKNOWN : Sex.parse(row.getString(1)),
        row.isNullAt(2) ? Optional.empty() : Optional.of(row.getDouble(2)),
        new ArrayList<>(observed), new ArrayList<>(excluded), List.of());
  }

  public static Row toRow(BatchRow r) {
    return RowFactory.create(r.patientId(), r.rank(), r.diseaseId(), r.diseaseName(), r.probability(), r.kind(),
        r.model(), r.version(), r.rareFlag());
  }

  public static BatchRow toBatchRow(Row r) {
    return new BatchRow(r.getString(0), r.getInt(1), r.getString(2), r.getString(3), r.getDouble(4), r.getString(5),
        r.getString(6), r.getInt(7), r.getBoolean(8));
  }
}
