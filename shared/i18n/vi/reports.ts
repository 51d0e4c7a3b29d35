export const reports = {
  errors: {
    locked: 'Báo cáo đã hoàn tất nên không sửa trực tiếp được. Hãy dùng "Đính chính" và ghi lý do.',
    notFinalised: 'Báo cáo còn là bản nháp: hãy sửa trực tiếp, không cần đính chính.',
    noPlans: 'Không tìm thấy kế hoạch nào đã chọn (có thể đã bị xóa). Hãy chọn lại kế hoạch.',
    notComparable: 'Hai kế hoạch không dùng chung bộ tiêu chí nên không so sánh được với nhau.',
    unknownCount: 'Số liệu này không thuộc báo cáo (có thể báo cáo vừa được soạn lại). Hãy tải lại báo cáo.',
  },
  validation: {
    plans: 'Hãy chọn ít nhất một kế hoạch.',
    period: 'Ngày kết thúc phải sau ngày bắt đầu.',
  },
};
